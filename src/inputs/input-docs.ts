// What action.yml says of each input and output: the descriptions every generated action.yml
// (the root one, with `command`, and one per command, `<command>/action.yml`) and docs/reference.md
// are made from (scripts/actions.mjs). `for` holds a command's own wording, where the general one
// speaks of several commands; without it a per-command file takes the general one, less a leading
// "`command`, …:" that names commands. Defaults are DEFAULTS' (declarations.ts). Not bundled: only
// the scripts and tests read it.

export interface Documented {
  description: string;
  for?: Record<string, string>;
}

/** The Marketplace listing of the root action.yml. */
export const ACTION = {
  name: 'MongoDB Atlas Push Live Migration',
  description: 'Push live migration from Cloud Manager or Ops Manager to Atlas: link the organizations, validate, start, watch, cut over.',
  author: 'mongodb-live-migration-action contributors',
  branding: { icon: 'database', color: 'green' },
};

export const INPUTS_DOCUMENTED: Record<string, Documented> = {
  command: {
    description:
      "What to do: `link` creates a link token if needed and connects the source organization to Atlas; `status` reads the link's status and the deployments Atlas can migrate; `unlink` removes the source's link (with Atlas credentials it also deletes the Atlas link token, which unlinks EVERY source organization linked with that Atlas organization); `validate` asks Atlas whether a deployment can be migrated, and waits for the answer; `migrate` validates, then starts a migration (or, with migration-id, watches one); `migration-status` reads a migration's status and lag, and can wait until it is ready for cutover; `cutover` cuts a migration that is ready over to Atlas (run it behind an Environment reviewer); or `campaign` advances a plan of migrations (one source organization, one migration at a time) by one safe step, keeping its state in the repository. docs/reference.md lists the inputs each command reads; each command is also its own action, `<owner>/<repo>/<command>@v1`.",
  },
  'atlas-org-id': {
    description:
      'Destination Atlas organization id, 24 hexadecimal digits. `link`: required to create a token. `status`: required with Atlas credentials. `unlink`: with Atlas credentials, its link token is deleted, which breaks the link of every source organization linked with it; leave the Atlas inputs out to unlink one source. `validate`, `migrate`: optional, to fill in the source deployment from the projects Atlas lists.',
    for: {
      link: 'Destination Atlas organization id, 24 hexadecimal digits. Required to create a token.',
      status: 'Destination Atlas organization id, 24 hexadecimal digits. Required with Atlas credentials.',
      unlink:
        'Destination Atlas organization id, 24 hexadecimal digits. With Atlas credentials, its link token is deleted, which breaks the link of every source organization linked with it; leave the Atlas inputs out to unlink one source.',
      validate:
        'Destination Atlas organization id, 24 hexadecimal digits. Optional, to fill in the source deployment from the projects Atlas lists.',
      migrate:
        'Destination Atlas organization id, 24 hexadecimal digits. Optional, to fill in the source deployment from the projects Atlas lists.',
    },
  },
  'atlas-public-key': {
    description:
      'Public key of an Atlas programmatic API key with the Organization Owner role (HTTP digest). Give either this pair or a service account.',
  },
  'atlas-private-key': {
    description: 'Private key of that Atlas API key. Pass it from a secret; it is masked.',
  },
  'atlas-client-id': {
    description:
      'Client id of an Atlas service account with the Organization Owner role (OAuth 2 client credentials), instead of an API key.',
  },
  'atlas-client-secret': {
    description: 'Client secret of that service account. Pass it from a secret; it is masked.',
  },
  'atlas-base-url': {
    description: 'Atlas base URL: scheme, host and optional port only. Atlas for Government is refused: it offers no push live migration.',
  },
  'atlas-project-id': {
    description: 'The migration commands: the destination Atlas project id, 24 hexadecimal digits.',
  },
  'atlas-cluster-name': {
    description: '`validate`, `migrate`: the destination cluster in `atlas-project-id`.',
    for: {
      validate: 'The destination cluster in `atlas-project-id`.',
      migrate: 'The destination cluster in `atlas-project-id`.',
    },
  },
  'access-list-ips': {
    description:
      '`link`: public IPv4/IPv6 addresses or CIDR blocks from which the Ops Manager host reaches Atlas, separated by commas, spaces or new lines; sent canonical and de-duplicated. May be empty for a Cloud Manager source. An access list open to the Internet is refused unless `allow-open-access-list` is `true`.',
    for: {
      link: 'Public IPv4/IPv6 addresses or CIDR blocks from which the Ops Manager host reaches Atlas, separated by commas, spaces or new lines; sent canonical and de-duplicated. May be empty for a Cloud Manager source. An access list open to the Internet is refused unless `allow-open-access-list` is `true`.',
    },
  },
  'allow-open-access-list': {
    description:
      '`link`: allow `access-list-ips` that open the link token (an Atlas API key) to most of the Internet, such as `0.0.0.0/0`.',
    for: {
      link: 'Allow `access-list-ips` that open the link token (an Atlas API key) to most of the Internet, such as `0.0.0.0/0`.',
    },
  },
  'source-org-id': {
    description: '`link`, `status`, `unlink`: the source Cloud Manager or Ops Manager organization id, 24 hexadecimal digits.',
    for: {
      link: 'The source Cloud Manager or Ops Manager organization id, 24 hexadecimal digits.',
      status: 'The source Cloud Manager or Ops Manager organization id, 24 hexadecimal digits.',
      unlink: 'The source Cloud Manager or Ops Manager organization id, 24 hexadecimal digits.',
    },
  },
  'source-public-key': {
    description:
      '`link`, `status`, `unlink`: public key of a Cloud Manager / Ops Manager API key with the Organization Owner role (HTTP digest).',
    for: {
      link: 'Public key of a Cloud Manager / Ops Manager API key with the Organization Owner role (HTTP digest).',
      status: 'Public key of a Cloud Manager / Ops Manager API key with the Organization Owner role (HTTP digest).',
      unlink: 'Public key of a Cloud Manager / Ops Manager API key with the Organization Owner role (HTTP digest).',
    },
  },
  'source-private-key': {
    description: 'Private key of that source API key. Pass it from a secret; it is masked.',
  },
  'source-base-url': {
    description:
      'Source base URL: `https://cloud.mongodb.com` for Cloud Manager, or your Ops Manager URL such as `https://opsmanager.example.com:8443`.',
  },
  'source-ca-certificate': {
    description:
      'PEM text of the CA bundle that signed the Ops Manager certificate, trusted in addition to the system CAs for the source calls only. TLS verification is never turned off.',
  },
  'link-token': {
    description:
      '`link`: an existing link token to connect with instead of creating one; then `link` needs no Atlas credentials. Masked at once.',
    for: {
      link: 'An existing link token to connect with instead of creating one; then `link` needs no Atlas credentials. Masked at once.',
    },
  },
  force: {
    description: '`link`: connect again even when the source already reports SYNCED.',
    for: {
      link: 'Connect again even when the source already reports SYNCED.',
    },
  },
  'wait-for-sync': {
    description:
      '`link`, `status`: seconds to wait for the source to report SYNCED (0 to 3600). `0` does not wait. On time-out the step fails, naming the last status seen.',
    for: {
      link: 'Seconds to wait for the source to report SYNCED (0 to 3600). `0` does not wait. On time-out the step fails, naming the last status seen.',
      status:
        'Seconds to wait for the source to report SYNCED (0 to 3600). `0` does not wait. On time-out the step fails, naming the last status seen.',
    },
  },
  'source-project-id': {
    description:
      '`validate`, `migrate`: the source Cloud Manager or Ops Manager project id (`source-project-id` in the `deployments` output). May be filled in from the projects Atlas lists when `atlas-org-id` is given.',
    for: {
      validate:
        'The source Cloud Manager or Ops Manager project id (`source-project-id` in the `deployments` output). May be filled in from the projects Atlas lists when `atlas-org-id` is given.',
      migrate:
        'The source Cloud Manager or Ops Manager project id (`source-project-id` in the `deployments` output). May be filled in from the projects Atlas lists when `atlas-org-id` is given.',
    },
  },
  'source-cluster-name': {
    description:
      '`validate`, `migrate`: the deployment to migrate, as the projects Atlas lists name it (spaces allowed, such as `Project X sharded cluster`). May be filled in like `source-project-id`.',
    for: {
      validate:
        'The deployment to migrate, as the projects Atlas lists name it (spaces allowed, such as `Project X sharded cluster`). May be filled in like `source-project-id`.',
      migrate:
        'The deployment to migrate, as the projects Atlas lists name it (spaces allowed, such as `Project X sharded cluster`). May be filled in like `source-project-id`.',
    },
  },
  'migration-host': {
    description:
      '`validate`, `migrate`: the host name of the migration host that runs the migration: one host name (letters, digits, hyphens and dots, such as `mh-1.example.net`) or IPv4 address, not a list. May be filled in when the project has exactly one (then taken as Atlas lists it).',
    for: {
      validate: 'The host name of the migration host that runs the migration. May be filled in when the project has exactly one.',
      migrate: 'The host name of the migration host that runs the migration. May be filled in when the project has exactly one.',
    },
  },
  'source-managed-authentication': {
    description: '`validate`, `migrate`: `true` when the migration host logs in to the source on its own (no user name or password).',
    for: {
      validate: '`true` when the migration host logs in to the source on its own (no user name or password).',
      migrate: '`true` when the migration host logs in to the source on its own (no user name or password).',
    },
  },
  'source-username': {
    description: '`validate`, `migrate`: database user on the source, when `source-managed-authentication` is `false`.',
    for: {
      validate: 'Database user on the source, when `source-managed-authentication` is `false`.',
      migrate: 'Database user on the source, when `source-managed-authentication` is `false`.',
    },
  },
  'source-password': {
    description: 'Password of that database user. Pass it from a secret; it is masked.',
  },
  'source-ssl': {
    description: '`validate`, `migrate`: whether the migration host connects to the source over TLS.',
    for: {
      validate: 'Whether the migration host connects to the source over TLS.',
      migrate: 'Whether the migration host connects to the source over TLS.',
    },
  },
  'source-ca-certificate-path': {
    description:
      '`validate`, `migrate`: the path of the CA file on the migration host (not on the runner) that verifies the source over TLS.',
    for: {
      validate: 'The path of the CA file on the migration host (not on the runner) that verifies the source over TLS.',
      migrate: 'The path of the CA file on the migration host (not on the runner) that verifies the source over TLS.',
    },
  },
  'destination-network': {
    description:
      '`validate`, `migrate`: how the migration host reaches the destination cluster: `PUBLIC`, `PRIVATE_LINK` or `VPC_PEERING`.',
    for: {
      validate: 'How the migration host reaches the destination cluster: `PUBLIC`, `PRIVATE_LINK` or `VPC_PEERING`.',
      migrate: 'How the migration host reaches the destination cluster: `PUBLIC`, `PRIVATE_LINK` or `VPC_PEERING`.',
    },
  },
  'private-link-id': {
    description: '`validate`, `migrate`: the Atlas private endpoint id, required with `destination-network: PRIVATE_LINK`.',
    for: {
      validate: 'The Atlas private endpoint id, required with `destination-network: PRIVATE_LINK`.',
      migrate: 'The Atlas private endpoint id, required with `destination-network: PRIVATE_LINK`.',
    },
  },
  'drop-destination-data': {
    description:
      '`validate`, `migrate`: `true` deletes all data in the destination cluster before the migration copies. Destructive: the step warns, and a dry run shows it.',
    for: {
      validate:
        '`true` deletes all data in the destination cluster before the migration copies. Destructive: the step warns, and a dry run shows it.',
      migrate:
        '`true` deletes all data in the destination cluster before the migration copies. Destructive: the step warns, and a dry run shows it.',
    },
  },
  sharding: {
    description:
      '`validate`, `migrate`: JSON, how to shard the destination when a replica set moves into a sharded cluster (MongoDB 6.0 or later), sent as is: `{"createSupportingIndexes": true, "shardingEntries": [{"database": "shop", "collection": "orders", "shardCollection": {"key": [{"customerId": 1}]}}]}`; each key field `1` or `"hashed"`, in key order. Checked before any call; refused for a sharded source (when the projects Atlas lists show it; without `atlas-org-id` Atlas judges at validation).',
    for: {
      validate:
        'JSON, how to shard the destination when a replica set moves into a sharded cluster (MongoDB 6.0 or later), sent as is: `{"createSupportingIndexes": true, "shardingEntries": [{"database": "shop", "collection": "orders", "shardCollection": {"key": [{"customerId": 1}]}}]}`; each key field `1` or `"hashed"`, in key order. Checked before any call; refused for a sharded source (when the projects Atlas lists show it; without `atlas-org-id` Atlas judges at validation).',
      migrate:
        'JSON, how to shard the destination when a replica set moves into a sharded cluster (MongoDB 6.0 or later), sent as is: `{"createSupportingIndexes": true, "shardingEntries": [{"database": "shop", "collection": "orders", "shardCollection": {"key": [{"customerId": 1}]}}]}`; each key field `1` or `"hashed"`, in key order. Checked before any call; refused for a sharded source (when the projects Atlas lists show it; without `atlas-org-id` Atlas judges at validation).',
    },
  },
  'migration-id': {
    description:
      '`migration-status`, `cutover`: the migration, as the `migration-id` output of `migrate`. `migrate` with it creates nothing and watches that migration (a safe re-run).',
    for: {
      migrate:
        'A migration already started (the `migration-id` output of a first run): `migrate` then creates nothing and watches it, a safe re-run.',
      'migration-status': 'The migration, as the `migration-id` output of `migrate`.',
      cutover: 'The migration, as the `migration-id` output of `migrate`; with `plan`, it may name the deployment instead of `deployment`.',
    },
  },
  'wait-for': {
    description:
      "Seconds to wait (0 to 21000, under a hosted job's 6 hours): `migrate` and `migration-status`, until ready for cutover or finished (still syncing at the end is a result: `ready-for-cutover` is `false` and the step succeeds); `cutover`, until COMPLETE. Unset or `0`: no wait. To watch longer, run `migration-status` on a schedule.",
    for: {
      migrate:
        "Seconds to wait (0 to 21000, under a hosted job's 6 hours) until ready for cutover or finished; still syncing at the end is a result (`ready-for-cutover` is `false`, the step succeeds). Unset or `0`: no wait.",
      'migration-status':
        "Seconds to wait (0 to 21000, under a hosted job's 6 hours) until ready for cutover or finished; still syncing at the end is a result. Unset or `0`: no wait. To watch longer, run it on a schedule.",
      cutover: "Seconds to wait (0 to 21000, under a hosted job's 6 hours) until the migration is COMPLETE. Unset or `0`: no wait.",
      campaign:
        'Seconds a run may wait for a validation it started (the campaign never waits for a migration: the next scheduled run looks again).',
    },
  },
  'validation-wait-for': {
    description:
      '`validate` and the validation of `migrate`: seconds to wait for the validation result (1 to 3600), apart from `wait-for`.',
    for: {
      validate: 'Seconds to wait for the validation result (1 to 3600).',
      migrate: 'Seconds to wait for the validation result (1 to 3600), apart from `wait-for`.',
    },
  },
  'dry-run': {
    description:
      'Validate every input and print the steps the command would run and the calls each would make (method, host, path; no secrets), sending nothing.',
  },
  'request-timeout': {
    description: 'Seconds for one HTTP attempt, end to end: connecting, a proxy tunnel, TLS, the answer and its whole body (1 to 600).',
  },
  'max-retries': {
    description:
      "Retries after the first attempt (0 to 10) for 429, 502, 503, 504, time-outs, resets, refused connections and name-server failures; starting a migration is repeated only when the request surely never arrived. `0` disables retries. Retries and waits never outlast the step's time budget: the waits plus (max-retries + 1) × (request-timeout + 60 s).",
  },
  'allow-insecure-http': {
    description:
      "Allow plain `http://` to hosts that are not loopback, for atlas-base-url, source-base-url and the runner's GITHUB_API_URL alike (plain `http://` to localhost, 127.0.0.0/8 or ::1 is always taken). Keys, the link token and github-token would cross the network unencrypted.",
  },
  plan: {
    description:
      '`campaign`: the plan file (YAML or JSON) in the workspace, such as `migration/orders.yml`: one source organization, its deployments in order. Its name (without extension) names the state file. Schema: schema/campaign-plan.schema.json. `cutover` (optional): the same plan; the deployment (by `deployment` or `migration-id`) must be `ready` in the campaign state, and `cutting-over`, then `complete`, are recorded there.',
    for: {
      campaign:
        'The plan file (YAML or JSON) in the workspace, such as `migration/orders.yml`: one source organization, its deployments in order. Its name (without extension) names the state file. Schema: schema/campaign-plan.schema.json.',
      cutover:
        'The same plan; the deployment (by `deployment` or `migration-id`) must be `ready` in the campaign state, and `cutting-over`, then `complete`, are recorded there.',
    },
  },
  deployment: {
    description:
      '`cutover` with `plan`: the deployment to cut over, as `<source-project-id>/<source-cluster-name>` (what the campaign dispatches); its migration is read from the campaign state, and `atlas-project-id` from the plan.',
  },
  'state-branch': {
    description:
      '`campaign` (and `cutover` with `plan`): the branch of this repository that holds the state `<plan>.json` and the dashboard `<plan>.md` (created from the default branch when missing). Any name git accepts as a branch (`git check-ref-format --branch`), slashes included: `ops/live-migration-state`.',
    for: {
      cutover: 'With `plan`: the branch that holds the campaign state `<plan>.json`, as the campaign writes it.',
    },
  },
  'github-token': {
    description:
      '`campaign` (and `cutover` with `plan`): a token for this repository (GITHUB_REPOSITORY at GITHUB_API_URL) that may write its contents (`permissions: contents: write`; `actions: write` too with cutover-workflow). Masked; never written anywhere.',
    for: {
      cutover:
        "With `plan`: a token that may write this repository's contents (`permissions: contents: write`), to record the cutover in the campaign state. Masked; never written anywhere.",
    },
  },
  'inbox-label': {
    description:
      "`campaign`: the label of the one issue the campaign keeps for a person: opened when it stops (failed, expired, unknown) or a ready migration's window closes within 24 hours, mentioning the plan's `owners`; closed when it goes on. Off when empty. Needs `permissions: issues: write`; without it the step warns and the campaign goes on.",
  },
  'cutover-workflow': {
    description:
      '`campaign`: a workflow file name (such as `cutover.yml`) dispatched once per migration when it turns ready, with inputs `deployment` and `migration-id`, on the default branch; give it an Environment with required reviewers.',
    for: {
      campaign:
        'A workflow file name (such as `cutover.yml`) dispatched once per migration when it turns ready, with inputs `deployment` and `migration-id`, on the default branch; give it an Environment with required reviewers.',
    },
  },
};

/** Outputs, in action.yml's order. */
export const OUTPUTS_DOCUMENTED: Record<string, Documented> = {
  status: {
    description:
      'The link status the source reports: `SYNCED`, `NOT_SYNCED`, `UNLINKED` (no link, and after `unlink`), or a status MongoDB adds later (treated as not synced). Set on a `wait-for-sync` time-out too.',
  },
  'link-token': {
    description:
      'The link token created or used (masked in logs). Set as soon as a token exists, also when a later step fails, so a clean-up step can use it.',
  },
  changed: {
    description:
      '`true` when the step created or removed something (a token, a link, a migration, a cutover), also when it then failed, and when Atlas answered a migration start unreadably or its answer was lost (a migration may exist); else `false`.',
  },
  'available-projects': {
    description:
      'JSON array of the projects Atlas can migrate (projectId, name, deployments, migrationHosts), after a SYNCED link or status when Atlas credentials are given.',
  },
  deployments: {
    description:
      'JSON array, one object per deployment Atlas can migrate (`source-project-id`, `source-project-name`, `source-cluster-name`, `migration-host` when there is exactly one, `mongodb-version`, `sharded`, `tls`, and when MongoDB gives them `db-size-bytes`, `oplog-size-mb`, `agent-version`, `fcv`), for `strategy.matrix` with `fromJSON` (a matrix takes at most 256 jobs: past that the step warns).',
  },
  'validation-id': {
    description: 'The validation started by `validate` or `migrate`.',
  },
  'validation-status': {
    description: 'Its status: `PENDING`, `SUCCESS` or `FAILED`.',
  },
  'migration-id': {
    description:
      'The migration started (or watched) by `migrate`, or read by `migration-status` and `cutover`. Keep it: MongoDB has no API to list migrations.',
  },
  'migration-status': {
    description: "The migration's status: `NEW`, `WORKING`, `FAILED`, `COMPLETE` or `EXPIRED`.",
  },
  'ready-for-cutover': {
    description: '`true` when the migration is WORKING and ready for cutover (a 120-hour window starts then).',
  },
  'lag-seconds': {
    description: 'How far the destination lags the source, in seconds, while the migration runs before cutover.',
  },
  campaign: {
    description:
      '`campaign`: JSON array, one object per deployment of the plan (`deployment` = `<source-project-id>/<source-cluster-name>`, `phase`, `migration-id`, `lag-seconds`, `ready-since`, `window-closes`).',
    for: {
      campaign:
        'JSON array, one object per deployment of the plan (`deployment` = `<source-project-id>/<source-cluster-name>`, `phase`, `migration-id`, `lag-seconds`, `ready-since`, `window-closes`).',
    },
  },
  inbox: {
    description: "`campaign` with `inbox-label`: the number of the campaign's inbox issue, when there is one (open or closed).",
  },
  ready: {
    description:
      '`campaign`: JSON array of the deployments in phase `ready` (`deployment`, `migration-id`, `atlas-project-id`, `window-closes`), for `strategy.matrix` with `fromJSON`.',
    for: {
      campaign:
        'JSON array of the deployments in phase `ready` (`deployment`, `migration-id`, `atlas-project-id`, `window-closes`), for `strategy.matrix` with `fromJSON`.',
    },
  },
};
