// campaign/action.yml: the shared bundle, started with its command.
process.env.INPUT_COMMAND = 'campaign';
require('../index.js');
