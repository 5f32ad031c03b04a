// migrate/action.yml: the shared bundle, started with its command.
process.env.INPUT_COMMAND = 'migrate';
require('../index.js');
