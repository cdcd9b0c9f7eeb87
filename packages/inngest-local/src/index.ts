export {
  startLocalInngest,
  type LocalInngest,
  type LocalInngestOptions,
} from './start-local-inngest';
export type { ExecutorConfig } from './engine/executor-config';
export { compileExpression, ExpressionError } from './expression';
