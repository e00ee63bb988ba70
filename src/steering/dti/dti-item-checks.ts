import type { FieldProblems } from '../../core/index.js';

/** An item's points as a maxima check reads them. */
export interface ItemPoints {
  readonly code: string;
  readonly parentCode: string | null;
  readonly maxPoints: number | null;
}

/**
 * Checks that no component's maximum exceeds its main index's, and that a main index's components do
 * not add up to more than its maximum, for the items as they would be after a change. A problem is put
 * at `pointerOf(code)`, for the item the caller changed (or the row it came from).
 */
export function checkMaxima(
  items: readonly ItemPoints[],
  pointerOf: (code: string) => string | undefined,
  problems: FieldProblems,
): void {
  for (const main of items.filter((item) => item.parentCode === null)) {
    const components = items.filter((item) => item.parentCode === main.code);
    if (main.maxPoints === null || components.length === 0) continue;
    for (const component of components) {
      const pointer = pointerOf(component.code);
      if (pointer !== undefined && component.maxPoints !== null && component.maxPoints > main.maxPoints)
        problems.add(pointer, `more than the ${main.maxPoints} points of ${main.code}`);
    }
    const total = components.reduce((sum, component) => sum + (component.maxPoints ?? 0), 0);
    if (total > main.maxPoints + 1e-9) {
      // The last changed item is the one that tips the sum over (a row further down the sheet).
      const changed = [main, ...components]
        .map((item) => pointerOf(item.code))
        .findLast((p) => p !== undefined);
      if (changed !== undefined)
        problems.add(
          changed,
          `the components of ${main.code} would add up to ${total} points, more than its ${main.maxPoints}`,
        );
    }
  }
}
