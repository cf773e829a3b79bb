/**
 * The informer's registered handlers: add/remove, and calls that never let one failing
 * handler break the informer or the other handlers (client-go's HandleCrash, logged).
 */
import type { Logger } from '../logger.js';
import type { InformerEvent, InformerHandlers } from './informer.js';

type AnyHandler<T> = (obj: T, old: T) => void;

export class InformerHandlerSet<T> {
  private readonly handlers: Record<InformerEvent, Set<AnyHandler<T>>> = {
    add: new Set(),
    update: new Set(),
    delete: new Set(),
  };

  constructor(private readonly logger: Logger) {}

  add<E extends InformerEvent>(event: E, handler: InformerHandlers<T>[E]): () => void {
    const h = handler as AnyHandler<T>;
    this.handlers[event].add(h);
    return () => void this.handlers[event].delete(h);
  }

  emit(event: 'add' | 'delete', obj: T): void;
  emit(event: 'update', obj: T, old: T): void;
  emit(event: InformerEvent, obj: T, old?: T): void {
    for (const h of [...this.handlers[event]]) this.call(event, h, obj, old ?? obj);
  }

  callOne(handler: InformerHandlers<T>['add'], obj: T): void {
    this.call('add', handler as AnyHandler<T>, obj, obj);
  }

  private call(event: InformerEvent, h: AnyHandler<T>, obj: T, old: T): void {
    try {
      h(obj, old);
    } catch (err) {
      this.logger.error('Event handler failed', err, { event });
    }
  }
}
