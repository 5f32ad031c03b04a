import { command, type Step } from './command.js';
import {
  projectOutputs,
  projectsStep,
  projectTables,
  readStatusStep,
  startLinkState,
  waitForSyncStep,
  type LinkState,
} from './link-steps.js';

export const status = command<LinkState>({
  name: 'status',
  title: 'MongoDB live migration: link status',
  start: startLinkState,
  steps(settings) {
    const steps: Array<Step<LinkState>> = [readStatusStep(settings, false)];
    if (settings.link.waitForSyncSeconds > 0) steps.push(waitForSyncStep(settings));
    if (settings.atlas.credentials) steps.push(projectsStep(settings));
    return steps;
  },
  waitSeconds: (settings) => settings.link.waitForSyncSeconds,
  outputs: (state, settings) => ({
    status: state.status,
    changed: 'false',
    ...projectOutputs(state, settings),
  }),
  facts: (state, settings) => [
    ['Source organization', settings.source.orgId ?? '—'],
    ['Atlas organization', settings.atlas.orgId ?? '—'],
    ['Status', state.status ?? '—'],
  ],
  tables: (state) => projectTables(state),
  outcome: (state) => `The source reports ${state.status}.`,
  next(state, _settings, error) {
    if (error) return ['Nothing was changed. Fix the error above and re-run.'];
    if (state.status === 'UNLINKED') return ["The source has no link: run this action with command: 'link'."];
    if (state.status !== 'SYNCED') return ['Not synced yet: re-run with wait-for-sync, or check the Ops Manager host’s access to Atlas.'];
    return ["Linked: run command: 'migrate' for a deployment listed above."];
  },
});
