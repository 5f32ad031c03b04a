import { oauthRevoke, oauthToken } from '../api/oauth-routes.js';
import { fillPath, type Route, type Side } from '../api/route.js';
import { endpointOf } from '../endpoints.js';
import type { Settings } from '../settings.js';
import type { Command } from './command.js';

export interface PlannedCall {
  side: Side;
  method: string;
  host: string;
  path: string;
  operation: string;
  /** Made only in some cases: "the call above answers 404". (A skipped step's calls are not made either.) */
  onlyIf?: string;
  repeated?: string;
}

export interface PlannedStep {
  title: string;
  skipWhen?: string;
  calls: PlannedCall[];
}

/** The steps a command would run and the calls each would make, from the same definition that runs. */
export function planOf(command: Command<unknown>, settings: Settings): PlannedStep[] {
  const planned = (route: Route<unknown>, onlyIf?: string, repeated?: string): PlannedCall => {
    const { baseUrl, params } = endpointOf(settings, route.side);
    return {
      side: route.side,
      method: route.method,
      host: new URL(baseUrl).host,
      // A migration's id is the state's; the plan shows the one given, if any.
      path: fillPath(route.path, { ...params, liveMigrationId: settings.migration.migrationId }),
      operation: route.operation,
      onlyIf,
      repeated,
    };
  };
  const steps: PlannedStep[] = command.steps(settings).map((step) => ({
    title: step.title,
    skipWhen: step.skip?.when,
    calls: step.calls.flatMap((call) => {
      const main = planned(call.route, undefined, call.repeated);
      return call.route.absent ? [main, planned(call.route.absent.proof, 'the call above answers 404')] : [main];
    }),
  }));
  const usesAtlas = steps.some((s) => s.calls.some((c) => c.side === 'atlas'));
  if (settings.atlas.credentials?.kind === 'service-account' && usesAtlas) {
    steps.push({
      title: 'Atlas service account access token',
      calls: [
        planned(oauthToken, 'an Atlas call is made', 'once; again only to renew it before it expires'),
        planned(oauthRevoke, 'a token was fetched', 'at the end, and for a renewed token'),
      ],
    });
  }
  return steps;
}

function describeCall(call: PlannedCall): string {
  const notes = [...(call.onlyIf ? [`only if ${call.onlyIf}`] : []), ...(call.repeated ? [`repeated ${call.repeated}`] : [])];
  return `${call.method} ${call.host} ${call.path} — ${call.operation}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

export function planLines(plan: PlannedStep[]): string[] {
  const lines: string[] = [];
  plan.forEach((step, i) => {
    lines.push(`${i + 1}. ${step.title}${step.skipWhen ? ` (skipped if ${step.skipWhen})` : ''}`);
    for (const call of step.calls) lines.push(`   ${describeCall(call)}`);
  });
  return lines;
}
