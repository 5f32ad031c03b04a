// link/action.yml: the shared bundle, started with its command.
process.env.INPUT_COMMAND = 'link';
require('../index.js');
