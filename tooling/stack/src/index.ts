export { startStack, type RunningStack } from './start-stack';
export { stackPorts, type StackMode, type StackPorts } from './stack-config';
