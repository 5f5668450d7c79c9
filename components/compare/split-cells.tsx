import type { Split } from "@/lib/engine";
import { formatEuros } from "@/lib/format";

/** Billed, Sécu, mutuelle and left to pay: four cells that always add up. */
export function SplitCells({ split, strong = false }: { split: Split; strong?: boolean }) {
  const Cell = strong ? "th" : "td";
  return (
    <>
      <Cell className="num">{formatEuros(split.price)}</Cell>
      <Cell className="num">{formatEuros(split.secu)}</Cell>
      <Cell className="num">{formatEuros(split.mutuelle)}</Cell>
      <Cell className="num rac">{formatEuros(split.rac)}</Cell>
    </>
  );
}
