// Node's allow-listed internal bindings (`process.binding`), used where the public module
// costs milliseconds of start-up that airlock's hot path does not need. Every caller falls
// back to the public API when a binding is missing or has changed shape.

export function nodeBinding<T>(name: string): T {
  return (process as unknown as { binding(name: string): T }).binding(name);
}
