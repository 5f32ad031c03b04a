import { command, type Step } from './command.js';
import { ATLAS_CREDENTIALS, ATLAS_KINDS } from '../inputs/declarations.js';
import {
  projectOutputs,
  requireSourceWithOptionalAtlas,
  SOURCE_WITH_OPTIONAL_ATLAS,
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
  description: "reads the link's status and the deployments Atlas can migrate",
  outputs: ['status', 'changed', 'available-projects', 'deployments'],
  inputs: { ...SOURCE_WITH_OPTIONAL_ATLAS, 'wait-for-sync': 'optional' },
  conditions: {
    'atlas-org-id': 'Required with Atlas credentials (which add the projects and deployments Atlas can migrate).',
    ...Object.fromEntries(ATLAS_CREDENTIALS.map((n) => [n, `${ATLAS_KINDS} Optional: a whole pair, or none.`])),
  },
  require: requireSourceWithOptionalAtlas,
  start: startLinkState,
  steps(settings) {
    const steps: Array<Step<LinkState>> = [readStatusStep(settings, false)];
    if (settings.link.waitForSyncSeconds > 0) steps.push(waitForSyncStep(settings));
    if (settings.atlas.credentials) steps.push(projectsStep(settings));
    return steps;
  },
  waitSeconds: (settings) => settings.link.waitForSyncSeconds,
  report: (state, settings, error) => ({
    outputs: { status: state.status, changed: 'false', ...projectOutputs(state, settings) },
    facts: [
      ['Source organization', settings.source.orgId ?? '—'],
      ['Atlas organization', settings.atlas.orgId ?? '—'],
      ['Status', state.status ?? '—'],
    ],
    sections: projectTables(state),
    outcome: `The source reports ${state.status}.`,
    next: error
      ? ['Nothing was changed. Fix the error above and re-run.']
      : state.status === 'UNLINKED'
        ? ['The source has no link: run the link action.']
        : state.status !== 'SYNCED'
          ? ['Not synced yet: re-run with wait-for-sync, or check the Ops Manager host’s access to Atlas.']
          : ['Linked: run the migrate action for a deployment listed above.'],
  }),
});
