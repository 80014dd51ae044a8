/** Compiling expressions to kernels: scalar, batched and gradient forms, by code generation or interpretation. */
export {
  compile, compileGrad, interpret,
  type Kernel, type ScalarKernel, type VectorKernel, type GradKernel, type KernelInfo, type Schedule, type Column,
  type InputSpec,
} from './kernel.js';
export { CompileError } from './errors.js';
