export { startStack, type RunningStack } from './start-stack';
export { stackPorts, type StackMode, type StackPorts } from './stack-config';
export {
  cellHostPlans,
  cellBaseUrls,
  cellUrlEnv,
  inngestAppUrls,
  cellLayouts,
  cellLayoutSchema,
  type CellHostPlan,
  type CellLayout,
} from './cell-hosts';
export { platformEnv } from './platform-env';
export { startProcess, type ManagedProcess } from './child-process';
export { startStackMail } from './mail';
export { waitForHttp } from './wait-for-http';
export { prepareStandaloneServer } from './standalone-server';
