import { deleteLink, deleteLinkTokens } from '../api/organization-routes.js';
import { ABSENT } from '../api/api.js';
import { ATLAS_CREDENTIALS, ATLAS_KINDS } from '../inputs/declarations.js';
import type { Settings } from '../settings.js';
import { command, type Step } from './command.js';
import { requireSourceWithOptionalAtlas, SOURCE_WITH_OPTIONAL_ATLAS } from './link-steps.js';

interface UnlinkState {
  /** true: removed; false: there was none; undefined: not done. */
  sourceRemoved?: boolean;
  atlasRemoved?: boolean;
}

const said = (removed: boolean | undefined, what: string) =>
  removed === undefined ? 'not done' : removed ? `removed ${what}` : 'none (already removed)';

export const unlink = command<UnlinkState>({
  name: 'unlink',
  title: 'MongoDB live migration: unlink',
  description:
    "removes the source's link (with Atlas credentials it also deletes the Atlas link token, which unlinks EVERY source organization linked with that Atlas organization)",
  summary: "Removes the source's link; with Atlas credentials also deletes the Atlas link token, which unlinks every source org.",
  outputs: ['status', 'changed'],
  inputs: SOURCE_WITH_OPTIONAL_ATLAS,
  conditions: {
    'atlas-org-id': 'Required with Atlas credentials (which add the deletion of the Atlas link token).',
    ...Object.fromEntries(ATLAS_CREDENTIALS.map((n) => [n, `${ATLAS_KINDS} Optional: a whole pair, or none.`])),
  },
  require: requireSourceWithOptionalAtlas,
  start: () => ({}),
  steps(settings) {
    const steps: Array<Step<UnlinkState>> = [
      {
        title: "Remove the source's migration link",
        calls: [{ route: deleteLink }],
        async run(state, ctx) {
          state.sourceRemoved = (await ctx.api.call(deleteLink)) !== ABSENT;
          ctx.log.info(
            state.sourceRemoved
              ? `Removed the migration link of source organization ${settings.source.orgId}.`
              : `Source organization ${settings.source.orgId} has no migration link (already removed).`,
          );
          return said(state.sourceRemoved, 'the link');
        },
      },
    ];
    // Only after the source side succeeded: deleting the Atlas token breaks every source linked with it.
    if (settings.atlas.credentials) {
      steps.push({
        title: "Delete the Atlas organization's link token",
        calls: [{ route: deleteLinkTokens }],
        async run(state, ctx) {
          state.atlasRemoved = (await ctx.api.call(deleteLinkTokens)) !== ABSENT;
          ctx.log.info(
            state.atlasRemoved
              ? `Deleted the link token of Atlas organization ${settings.atlas.orgId} (every source linked with it is now unlinked).`
              : `Atlas organization ${settings.atlas.orgId} has no link token (already deleted).`,
          );
          return said(state.atlasRemoved, 'every link token of the organization');
        },
      });
    }
    return steps;
  },
  waitSeconds: () => 0,
  report: (state, settings, error) => ({
    outputs: {
      status: state.sourceRemoved === undefined ? undefined : 'UNLINKED',
      changed: String(Boolean(state.sourceRemoved || state.atlasRemoved)),
    },
    facts: [
      ['Source organization', settings.source.orgId ?? '—'],
      ['Source link', said(state.sourceRemoved, 'the link')],
      ['Atlas organization', settings.atlas.orgId ?? '—'],
      [
        'Atlas link token',
        settings.atlas.credentials ? said(state.atlasRemoved, 'every link token') : 'not touched (no Atlas credentials)',
      ],
    ],
    outcome: state.sourceRemoved || state.atlasRemoved ? 'Unlinked.' : 'Nothing to remove: already unlinked.',
    next: next(state, settings, error),
  }),
});

function next(state: UnlinkState, settings: Settings, error: unknown): string[] {
  if (!error) return [];
  if (state.sourceRemoved !== undefined) {
    return [
      `The source's link was ${state.sourceRemoved ? 'removed' : 'already gone'}, but the Atlas token of organization ${settings.atlas.orgId} was not deleted. Fix the error above and re-run unlink; the source side will report it already removed.`,
    ];
  }
  return ['Nothing was removed on either side (Atlas is never touched when the source side fails). Fix the error above and re-run unlink.'];
}
