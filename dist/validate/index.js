// validate/action.yml: the shared bundle, started with its command.
process.env.INPUT_COMMAND = 'validate';
require('../index.js');
