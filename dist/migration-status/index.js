// migration-status/action.yml: the shared bundle, started with its command.
process.env.INPUT_COMMAND = 'migration-status';
require('../index.js');
