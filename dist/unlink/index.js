// unlink/action.yml: the shared bundle, started with its command.
process.env.INPUT_COMMAND = 'unlink';
require('../index.js');
