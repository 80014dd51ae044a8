/** Everything of src/nn, gathered for the `nn` namespace of the public API. */
export * from './tensor.js';
export { gradients, adjointMap, topoOrder } from './grad.js';
export { registerAdjoint, unbroadcast } from './adjoints.js';
export { evaluateTensors, type Value, type TensorEnv } from './interp.js';
export { compileTensors, type TensorProgram, type DType, type ProgramOptions } from './compile/program.js';
export { Model, initialise, type Init, type Param } from './model.js';
export * from './layers.js';
export * from './losses.js';
export * from './optim.js';
export { compileStep, compileEval, trainLoop, progressLine, type TrainStep, type LoopOptions, type LoopResult } from './train.js';
export { saveCheckpoint, loadCheckpoint } from './checkpoint.js';
export { explainGrad, named } from './explain.js';
export * from './data/names.js';
export * from './data/mnist.js';
export { NnError } from './errors.js';
