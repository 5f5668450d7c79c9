import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False until hydrated: before that a click would submit natively and lose what was typed. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
