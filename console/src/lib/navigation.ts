import { createContext, useContext } from 'react';

/** A place in the console's navigation: its path and the key of its label (its help is `${label}Help`). */
export interface NavigationEntry {
  readonly path: string;
  readonly label: string;
}

/** The screens the signed-in user may open, in navigation order, provided by the shell. */
export const NavigationContext = createContext<readonly NavigationEntry[]>([]);

/** The screens the signed-in user may open. */
export function useNavigation(): readonly NavigationEntry[] {
  return useContext(NavigationContext);
}
