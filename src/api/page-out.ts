/** A page as a route answers it: the registry's read-only page copied into the response shape. */
export function pageOut<T>(page: { readonly items: readonly T[]; readonly nextCursor: string | null }): {
  items: T[];
  nextCursor: string | null;
} {
  return { items: [...page.items], nextCursor: page.nextCursor };
}
