// cutover/action.yml: the shared bundle, started with its command.
process.env.INPUT_COMMAND = 'cutover';
require('../index.js');
