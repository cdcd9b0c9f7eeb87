import { compileExpression, triggerScope } from '../expression';
import type { EventPayload } from '../protocol/event-payload';
import type { FunctionDefinition } from '../store/app-model';

/**
 * Whether an event name matches a trigger's event: exactly, or by prefix when the trigger ends in
 * `*` (`order/*` matches `order/order.created`), the wildcard form Inngest accepts.
 */
export function eventNameMatches(pattern: string, name: string): boolean {
  if (pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1));
  return pattern === name;
}

/** The functions an event starts, each at most once even if several of its triggers match. */
export function functionsTriggeredBy(
  functions: FunctionDefinition[],
  event: EventPayload,
): FunctionDefinition[] {
  return functions.filter((fn) =>
    fn.triggers.some(
      (trigger) =>
        'event' in trigger &&
        eventNameMatches(trigger.event, event.name) &&
        (!trigger.expression ||
          compileExpression(trigger.expression, triggerScope).matches({ event })),
    ),
  );
}
