// What issue 18 changed on purpose in what the runner sees, applied to the recorded runs by
// test/e2e/runner-unchanged.test.ts. Anything else that differs still fails there.
interface Seen {
  code: number;
  stdout: string[];
  outputs: Record<string, string>;
  summary: string;
}

const ORG = '5f1a2b3c4d5e6f7a8b9c0d1e';
const PROJECT = '66a0b1c2d3e4f5a6b7c8d9e0';
const SIZE_STEP = "Read the source deployment's size from the projects Atlas lists";
const CLUSTER_STEP = 'Read destination cluster target-cluster and compare it with the source';
const LISTED = 'destination target-cluster: MongoDB 7.0.15, 40 GB disk; source rs0: MongoDB 7.0.14, 12 GB data, 990 MB oplog';
const UNLISTED = 'destination target-cluster: MongoDB 7.0.15, 40 GB disk; source rs0: not among the deployments Atlas lists';
const esc = (text: string) => text.replace(/'/g, '&#39;');

/** The fixture's deployment now carries MongoDB's optional fields (clusterId, dbSizeBytes, oplogSizeMB, agentVersion). */
function sizedDeployments(before: Seen): Seen {
  const outputs = { ...before.outputs };
  if (outputs['available-projects'])
    outputs['available-projects'] = outputs['available-projects'].replace(
      '"tlsEnabled":true}',
      '"tlsEnabled":true,"clusterId":"65f0000000000000000000c1","dbSizeBytes":12884901888,"oplogSizeMB":990,"agentVersion":"13.22.0.9175-1"}',
    );
  if (outputs.deployments)
    outputs.deployments = outputs.deployments.replace(
      '"tls":true}',
      '"tls":true,"db-size-bytes":12884901888,"oplog-size-mb":990,"agent-version":"13.22.0.9175-1","fcv":"7.0"}',
    );
  const summary = before.summary
    .replace(
      '<th>Version</th><th>Sharded</th><th>TLS</th><th>Migration hosts</th>',
      '<th>Version</th><th>FCV</th><th>Sharded</th><th>TLS</th><th>Data</th><th>Oplog</th><th>Agent</th><th>Migration hosts</th>',
    )
    .replace(
      '<td>7.0.14</td><td>no</td><td>yes</td>',
      '<td>7.0.14</td><td>7.0</td><td>no</td><td>yes</td><td>12 GB</td><td>990 MB</td><td>13.22.0.9175-1</td>',
    );
  return { ...before, outputs, summary };
}

/** validate and migrate read the source's size and the destination cluster before the validation; the first GET brings the digest challenge. */
function readsBeforeValidation(before: Seen): Seen {
  const start = before.stdout.indexOf('::group::Start a validation of the migration');
  if (start < 0) return before;
  const listed = !before.summary.includes('is not available for live migration');
  const note = listed ? LISTED : UNLISTED;
  const available = `/api/atlas/v2/orgs/${ORG}/liveMigrations/availableProjects`;
  const cluster = `/api/atlas/v2/groups/${PROJECT}/clusters/target-cluster`;
  const block = [
    `::group::${SIZE_STEP}`,
    `::debug::Atlas: GET <URL>${available}`,
    `::debug::Atlas: GET ${available} answered 401 in <T> ms`,
    `::debug::Atlas: GET <URL>${available}`,
    `::debug::Atlas: GET ${available} answered 200 in <T> ms`,
    '::endgroup::',
    `::group::${CLUSTER_STEP}`,
    `::debug::Atlas: GET <URL>${cluster}`,
    `::debug::Atlas: GET ${cluster} answered 200 in <T> ms`,
    `${note}.`,
    '::endgroup::',
  ];
  const rest = before.stdout.slice(start + 1);
  // The project GET that brought the challenge before is no longer needed.
  const challenge = [
    `::debug::Atlas: GET <URL>/api/atlas/v2/groups/${PROJECT}`,
    `::debug::Atlas: GET /api/atlas/v2/groups/${PROJECT} answered 401 in <T> ms`,
  ];
  if (rest[0] === challenge[0] && rest[1] === challenge[1]) rest.splice(0, 2);
  const stdout = [...before.stdout.slice(0, start), ...block, before.stdout[start], ...rest];
  const rows = `<tr><td>${esc(SIZE_STEP)}</td><td>✅ done</td><td>${listed ? 'rs0: listed' : 'rs0 is not among the deployments listed'}</td></tr><tr><td>${CLUSTER_STEP}</td><td>✅ done</td><td>${note}</td></tr>`;
  const summary = before.summary.replace(
    '<tr><th>Step</th><th>Result</th><th>Detail</th></tr><tr><td>Start a validation',
    `<tr><th>Step</th><th>Result</th><th>Detail</th></tr>${rows}<tr><td>Start a validation`,
  );
  return { ...before, stdout, summary };
}

/** The dry run's plan lists the two new steps first, and numbers the rest on. */
function plannedReads(before: Seen): Seen {
  const first = before.stdout.indexOf('  1. Start a validation of the migration');
  if (first < 0) return before;
  const lines = [
    `  1. ${SIZE_STEP} (skipped if the source was looked up already, or atlas-org-id is not given)`,
    `     GET <HOST> /api/atlas/v2/orgs/${ORG}/liveMigrations/availableProjects — list the projects available for migration`,
    `     GET <HOST> /api/atlas/v2/orgs/${ORG} — read the organization (only if the call above answers 404)`,
    `  2. ${CLUSTER_STEP}`,
    `     GET <HOST> /api/atlas/v2/groups/${PROJECT}/clusters/{clusterName} — read the destination cluster`,
    `     GET <HOST> /api/atlas/v2/groups/${PROJECT} — read the project (only if the call above answers 404)`,
  ];
  const renumber = (line: string) => line.replace(/^( {2})(\d+)\. /, (_, sp: string, n: string) => `${sp}${Number(n) + 2}. `);
  const stdout = [...before.stdout.slice(0, first), ...lines, ...before.stdout.slice(first).map(renumber)];
  const summary = before.summary.replace(/<ol>(.*?)<\/ol>/s, (_, items: string) => {
    const renumbered = items.replace(/<li>(\d+)\. /g, (_m: string, n: string) => `<li>${Number(n) + 2}. `);
    return `<ol>${lines.map((l) => `<li>${esc(l.replace(/^ {2}/, ''))}</li>`).join('')}${renumbered}</ol>`;
  });
  return { ...before, stdout, summary };
}

export const INTENDED_18: Array<{ why: string; change(before: Seen): Seen }> = [
  {
    why: 'The deployments carry MongoDB sizing fields: the outputs and the summary table show them (issue 18 item 5).',
    change: sizedDeployments,
  },
  {
    why: 'validate and migrate read the source size and the destination cluster before the validation (issue 18 item 5).',
    change: readsBeforeValidation,
  },
  { why: 'The dry run plans those two reads first (issue 18 item 5).', change: plannedReads },
];
