/** Loads every module that adds commands to the language. */
import './core-commands.js';
import './commands/calculus.js';
import './commands/algebra.js';
import './commands/numeric.js';
import './commands/stats.js';
import './commands/nn.js';
import './commands/transformer.js';
import './commands/integrate.js';
import './commands/limit.js';
import './commands/sum.js';
import './commands/inference.js';
import './commands/matrix.js';
import './commands/raytrace.js';

export { Session, substitute } from './session.js';
export { defineCommand, lookupCommand, allCommands, type Command, type Output } from './registry.js';
