import { evaluateAct } from "./act-terms";
import { settleCheaply, type CeilingLine } from "./ceiling-mean";
import { lineTermsSlot, perCatalogue, type CompiledCatalogue, type CompiledOffer } from "./compile-offer";
import type { CompiledLine, CompiledProfile } from "./compile-profile";
import { OfferTerms, sharedLine, type SharedLine } from "./scenario";
import { ModelArena, evaluateStochastic, lineModel, lineRestMean, type LineModel, type StochasticProfile } from "./stochastic";

/** What one care line contributes to the expected RAC under the offers with the same figures for it. */
interface LineTerms {
  /** lineRestMean: the line's term of the expected RAC before ceiling payments. */
  restMean: number;
  model: LineModel;
  /** Index of the offer's ceiling the line claims from (−1: none, or a count that is always 0). */
  ceiling: number;
  periodCount: number;
  amounts: [number, number];
  /** Per period, E[min(claims, amount)] when the line is alone under its ceiling: NaN until asked, null when it needs the work budget. */
  alonePaid: [number | null, number | null];
}

/** The means of ceilings shared by several lines, by period then by their lines' LineTerms in order. */
interface GroupNode {
  next: Map<LineTerms, GroupNode> | null;
  /** undefined until computed; null when the mean needs the work budget. */
  paid: number | null | undefined;
}

const NOT_YET = Number.NaN;

/**
 * The distinct figure vectors of one line's classes, by an open-addressing table over
 * their hashes: a class is its vector's index. Thousands of terms numbers on one slot (an
 * optics line on 10 000 offers) made a Map entry, an array and a copy each.
 */
class FigureInterner {
  /** Per slot, 1 + the class there, or 0 when empty; a power of two at least twice the classes. */
  private readonly table: Int32Array;
  private readonly hashes: Int32Array;
  /** Class c's figures are store[starts[c]…starts[c + 1]). */
  private readonly starts: Int32Array;
  private store: Float64Array;
  private count = 0;

  constructor(maxClasses: number, figuresPerClass: number) {
    this.table = new Int32Array(2 ** Math.ceil(Math.log2(2 * maxClasses + 2)));
    this.hashes = new Int32Array(maxClasses);
    this.starts = new Int32Array(maxClasses + 1);
    this.store = new Float64Array(Math.max(16, figuresPerClass * Math.min(maxClasses, 64)));
  }

  /** The class of the first `length` figures: an existing one with the same figures, else a new one. */
  intern(figures: Float64Array, length: number): number {
    // FNV-1a over the figures (months, indexes, cents).
    let hash = 0x811c9dc5;
    for (let k = 0; k < length; k += 1) hash = Math.imul(hash ^ figures[k]!, 0x01000193);
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const known = entry - 1;
      if (this.hashes[known] === hash && this.holds(known, figures, length)) return known;
    }
    const made = this.count++;
    const start = this.starts[made]!;
    if (start + length > this.store.length) {
      const grown = new Float64Array(2 * (start + length));
      grown.set(this.store);
      this.store = grown;
    }
    this.store.set(figures.subarray(0, length), start);
    this.starts[made + 1] = start + length;
    this.hashes[made] = hash;
    let slot = hash & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = made + 1;
    return made;
  }

  private holds(known: number, figures: Float64Array, length: number): boolean {
    const start = this.starts[known]!;
    if (this.starts[known + 1]! - start !== length) return false;
    for (let k = 0; k < length; k += 1) if (this.store[start + k] !== figures[k]) return false;
    return true;
  }
}

/** A slot's terms numbers by offer (CompiledOffer.termsIdAt), and how many numbers the category has in the column (the largest + 1). */
interface TermsColumn {
  ids: Int32Array;
  size: number;
}

/**
 * What a care line's acts come to under each terms number of its slot, as classes of
 * equal figures (figuresOf): a pure function of the line's acts (their facts in each
 * segment of the year, its category, lens pair and network) and of the catalogue, so every
 * profile with such a line shares it. Most households' lines are common ones (a GP at the
 * convention price, medicines, a specialist at a round price): the figures of thousands of
 * (line, terms) pairs are worked out once, not once per profile.
 */
interface FigureClasses {
  /** By terms number: its class, or −1 for a number no offer of the column has. */
  classOf: Int32Array;
  /** By class: the position of an offer with those figures. */
  holders: Int32Array;
  /** What it holds with its key, as counted against FIGURE_CLASS_BYTES. */
  bytes: number;
}

/** Per compiled catalogue: its columns, made once, and the figure classes of the lines seen lately. */
interface CatalogueFigures {
  columns: Map<number, TermsColumn>;
  /** By lineActsKey, least recently used first. */
  classes: Map<string, FigureClasses>;
  classBytes: number;
}

/**
 * Bytes of figure classes kept per catalogue (per engine thread), their keys included: a
 * key is a line's acts in JSON (~1 kB), so every profile a visitor can send, however many
 * distinct lines, keeps the cache within this. Measured: ~6 000 lines of a small slot
 * (~1 kB each), ~530 of the load test's mix, where optics lines take ~16 kB (~4 000 terms
 * numbers on 10 000 offers).
 */
const FIGURE_CLASS_BYTES = 6 * 1024 * 1024;
/** An entry's Map slot and objects beside its arrays and key. */
const FIGURE_CLASS_OVERHEAD_BYTES = 200;

const figuresOfCatalogue = perCatalogue((): CatalogueFigures => ({ columns: new Map(), classes: new Map(), classBytes: 0 }));

/** The figure classes a catalogue keeps in this thread, and the bytes counted for them (tests: the cache stays within its budget). */
export function keptFigureClasses(catalogue: CompiledCatalogue): { entries: number; bytes: number; budget: number } {
  const cache = figuresOfCatalogue(catalogue);
  return { entries: cache.classes.size, bytes: cache.classBytes, budget: FIGURE_CLASS_BYTES };
}

function termsColumn(catalogue: CompiledCatalogue, slot: number): TermsColumn {
  const { columns } = figuresOfCatalogue(catalogue);
  let column = columns.get(slot);
  if (!column) {
    const ids = Int32Array.from(catalogue.offers, (offer) => offer.termsIdAt(slot));
    let size = 0;
    for (const id of ids) size = Math.max(size, id + 1);
    column = { ids, size };
    columns.set(slot, column);
  }
  return column;
}

/** What figuresOf reads of a profile's line besides the offer: equal keys, equal figures under every terms number. */
function lineActsKey(line: CompiledLine): string {
  return JSON.stringify([lineTermsSlot(line), line.category, line.lensPair, line.inNetwork, line.segments]);
}

/**
 * The expected RAC of many offers on one profile (full mode's ranking figure), at the
 * cost of a few additions per care line and offer.
 *
 * evaluateStochastic's expected RAC is D + Σ lines restMean(line) − Σ ceiling groups
 * E[min(Σ claims, amount)]. A line's term depends only on what the offer makes of that
 * line's acts (their price, Sécu and mutuelle parts in each segment of the year), its
 * waiting period and its ceiling (index, amounts, period); a group's on its lines'. In a
 * catalogue of regional and age variants, thousands of offers differ on some line, so
 * sharing whole offers' figures leaves most of the work; sharing each line's and each
 * group's does not, and offers whose guarantees differ where this profile does not look
 * (another lens pair's amount…) share too. The figures are added in evaluateStochastic's
 * order, term for term: the sums are the same doubles. An offer with a group whose mean
 * needs the lattice (an abusive profile's ceilings, where the offer's work budget is
 * shared among its unsettled groups) is evaluated whole.
 */
export class ExpectedByTerms {
  /** byTermsId[line][CompiledOffer.termsId] (numbers counting up from 0 per category), filled by expectedOfAll. */
  private readonly byTermsId: (LineTerms | undefined)[][];
  /** figuresOf's output, reused. */
  private readonly figures: Float64Array;
  private readonly slots: number[];
  /** lineActsKey of each line. */
  private readonly actsKeys: string[];
  /** The lines handed to lineModel's OfferTerms: a fresh one for the line modelled. */
  private readonly modelLines: SharedLine[];
  /** Shared act terms, for the offers evaluated whole. */
  private readonly sharedLines: (SharedLine | undefined)[][];
  private readonly groupRoots: [GroupNode, GroupNode] = [
    { next: null, paid: undefined },
    { next: null, paid: undefined },
  ];
  // Per offer, reused: the groups in evaluateStochastic's order and their lines. A group's
  // key (evaluateStochastic's) is its number for the offer stamped `offerStamp`.
  private offerStamp = 0;
  private keyStamp = new Int32Array(0);
  private keyGroup = new Int32Array(0);
  // Lines of each group: the first groupSize[group] entries (arrays kept, not emptied, from offer to offer).
  private readonly groupLines: number[][] = [];
  private readonly groupSize: number[] = [];
  private readonly groupPeriod: number[] = [];
  private readonly termsOfLine: LineTerms[] = [];
  private readonly noScratch = new Float64Array(0);
  /** The classes' models live as long as this profile's figures. */
  private readonly arena = new ModelArena();

  constructor(
    private readonly profile: CompiledProfile,
    private readonly stochastic: StochasticProfile,
  ) {
    this.byTermsId = profile.lines.map(() => []);
    this.figures = new Float64Array(5 + 4 * Math.max(0, ...profile.lines.map((line) => line.segments.length)));
    this.sharedLines = profile.lines.map(() => []);
    this.modelLines = profile.lines.map(sharedLine);
    this.slots = profile.lines.map(lineTermsSlot);
    this.actsKeys = profile.lines.map(lineActsKey);
  }

  /**
   * Each offer's expected RAC in cents, not rounded (evaluateStochastic(...).expected), by
   * position in the catalogue: line by line over columns of numbers (each offer gets the
   * same additions in the same order as evaluated alone), then the ceilings of the offers
   * that have some on this profile.
   */
  expectedOfAll(catalogue: CompiledCatalogue): Float64Array {
    const { profile, stochastic } = this;
    const offers = catalogue.offers;
    const count = offers.length;
    const lineCount = profile.lines.length;
    const columns = this.slots.map((slot) => termsColumn(catalogue, slot).ids);
    const expected = new Float64Array(count).fill(stochastic.expectedDeductions);
    const groupedLines: number[] = [];
    for (let l = 0; l < lineCount; l += 1) {
      const column = columns[l]!;
      const { classOf, holders } = this.figureClasses(catalogue, l);
      const termsOfClass = Array.from(holders, (position) => this.lineTerms(offers[position]!, l));
      const row = Array.from(classOf, (figureClass) => (figureClass < 0 ? undefined : termsOfClass[figureClass]));
      this.byTermsId[l] = row;
      if (termsOfClass.some((terms) => terms.ceiling >= 0)) groupedLines.push(l);
      const restMean = new Float64Array(row.length);
      for (let id = 0; id < row.length; id += 1) restMean[id] = row[id]?.restMean ?? 0;
      for (let i = 0; i < count; i += 1) expected[i]! += restMean[column[i]!]!;
    }
    if (groupedLines.length === 0) return expected;
    for (let i = 0; i < count; i += 1) {
      let groupCount = 0;
      const stamp = (this.offerStamp += 1);
      for (const l of groupedLines) {
        const terms = this.byTermsId[l]![columns[l]![i]!]!;
        if (terms.ceiling < 0) continue;
        this.termsOfLine[l] = terms;
        groupCount = this.joinGroups(l, terms, stamp, groupCount);
      }
      for (let group = 0; group < groupCount; group += 1) {
        const paid = this.paid(group);
        if (paid === null) {
          expected[i] = this.evaluatedWhole(offers[i]!);
          break;
        }
        expected[i]! -= paid;
      }
    }
    return expected;
  }

  /** Adds line l to its ceiling's groups (one per period) for the offer stamped `stamp`, in evaluateStochastic's order; returns the offer's group count. */
  private joinGroups(l: number, terms: LineTerms, stamp: number, groupCount: number): number {
    for (let period = 0; period < terms.periodCount; period += 1) {
      const key = (this.profile.lines[l]!.beneficiaryIndex * 64 + terms.ceiling) * 2 + period;
      if (key >= this.keyStamp.length) this.growKeys(key);
      let group: number;
      if (this.keyStamp[key] === stamp) group = this.keyGroup[key]!;
      else {
        group = groupCount++;
        this.keyStamp[key] = stamp;
        this.keyGroup[key] = group;
        this.groupLines[group] ??= [];
        this.groupSize[group] = 0;
        this.groupPeriod[group] = period;
      }
      this.groupLines[group]![this.groupSize[group]!++] = l;
    }
    return groupCount;
  }

  private growKeys(key: number): void {
    const stamps = new Int32Array(2 * key + 2);
    stamps.set(this.keyStamp);
    this.keyStamp = stamps;
    const groups = new Int32Array(2 * key + 2);
    groups.set(this.keyGroup);
    this.keyGroup = groups;
  }

  /** Line l's figure classes on this catalogue: those kept for its acts, else made (and kept, the least recently used going past the budget). */
  private figureClasses(catalogue: CompiledCatalogue, l: number): FigureClasses {
    const cache = figuresOfCatalogue(catalogue);
    const key = this.actsKeys[l]!;
    const kept = cache.classes.get(key);
    if (kept) {
      // Last in the Map's order: the most recently used.
      cache.classes.delete(key);
      cache.classes.set(key, kept);
      return kept;
    }
    const { ids, size } = termsColumn(catalogue, this.slots[l]!);
    const classOf = new Int32Array(size).fill(-1);
    const holders: number[] = [];
    const figures = this.figures;
    const interner = new FigureInterner(size, figures.length);
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i]!;
      if (classOf[id] !== -1) continue;
      const figureClass = interner.intern(figures, this.figuresOf(catalogue.offers[i]!, l));
      classOf[id] = figureClass;
      if (figureClass === holders.length) holders.push(i);
    }
    const held = Int32Array.from(holders);
    // A string of n characters takes up to 2n bytes.
    const made = { classOf, holders: held, bytes: classOf.byteLength + held.byteLength + 2 * key.length + FIGURE_CLASS_OVERHEAD_BYTES };
    cache.classes.set(key, made);
    cache.classBytes += made.bytes;
    for (const [oldKey, old] of cache.classes) {
      if (cache.classBytes <= FIGURE_CLASS_BYTES || old === made) break;
      cache.classes.delete(oldKey);
      cache.classBytes -= old.bytes;
    }
    return made;
  }

  /**
   * Writes in `this.figures` what lineModel reads of the offer for line l: the waiting
   * period (in months: its end day depends on the profile's start, the figures must not),
   * the ceiling (index, amounts, period) and each segment's act figures. Equal figures,
   * equal models. Returns how many were written.
   */
  private figuresOf(offer: CompiledOffer, l: number): number {
    const line = this.profile.lines[l]!;
    const guarantee = offer.guaranteeAt(line.guaranteeIndex);
    const figures = this.figures;
    figures[0] = guarantee.waitingMonths;
    figures[1] = guarantee.ceiling;
    let size = 2;
    if (guarantee.ceiling >= 0) {
      const ceiling = offer.ceilings[guarantee.ceiling]!;
      figures[2] = ceiling.amount;
      figures[3] = ceiling.firstYearAmount;
      figures[4] = ceiling.period === "calendar" ? 0 : 1;
      size = 5;
    }
    for (const facts of line.segments) {
      const act = evaluateAct(offer, line, facts);
      figures[size] = act.price;
      figures[size + 1] = act.secuGross;
      figures[size + 2] = act.fixed;
      figures[size + 3] = act.capped;
      size += 4;
    }
    return size;
  }

  /** Line l's LineTerms under this offer (and every offer of its figure class). */
  private lineTerms(offer: CompiledOffer, l: number): LineTerms {
    // lineModel reads line l only: the other lines' act caches are never filled.
    this.modelLines[l] = sharedLine();
    const terms = new OfferTerms(this.profile, offer, this.modelLines);
    const model = lineModel(terms, this.stochastic, l, this.arena.allocate);
    const grouped = model.claims !== null && this.stochastic.pmf[l]!.length > 1;
    const ceiling = grouped ? model.ceiling : -1;
    return {
      restMean: lineRestMean(model, this.stochastic, l),
      model,
      ceiling,
      periodCount: grouped ? terms.ceilingPeriodCount(ceiling) : 0,
      amounts: grouped ? [terms.ceilingAmount(ceiling, 0), terms.ceilingAmount(ceiling, 1)] : [0, 0],
      alonePaid: [NOT_YET, NOT_YET],
    };
  }

  /** The group's E[min(Σ claims, amount)] when it settles without a lattice, else null. */
  private paid(group: number): number | null {
    const lines = this.groupLines[group]!;
    const size = this.groupSize[group]!;
    const period = this.groupPeriod[group]!;
    const first = this.termsOfLine[lines[0]!]!;
    if (size === 1) {
      const known = first.alonePaid[period]!;
      if (known === null || !Number.isNaN(known)) return known;
      const settled = this.settle(lines.slice(0, 1), period, first.amounts[period]!);
      first.alonePaid[period] = settled;
      return settled;
    }
    // The lines' LineTerms determine their claims and the ceiling's amount.
    let node = this.groupRoots[period as 0 | 1];
    for (let k = 0; k < size; k += 1) {
      const terms = this.termsOfLine[lines[k]!]!;
      node.next ??= new Map();
      let next = node.next.get(terms);
      if (next === undefined) {
        next = { next: null, paid: undefined };
        node.next.set(terms, next);
      }
      node = next;
    }
    if (node.paid === undefined) node.paid = this.settle(lines.slice(0, size), period, first.amounts[period]!);
    return node.paid;
  }

  private settle(lines: readonly number[], period: number, amount: number): number | null {
    const ceilingLines: CeilingLine[] = lines.map((l) => ({ claims: this.termsOfLine[l]!.model.claims![period]!, pmf: this.stochastic.pmf[l]! }));
    const cheap = settleCheaply(ceilingLines, amount);
    return cheap.settled ? cheap.result.mean : null;
  }

  private evaluatedWhole(offer: CompiledOffer): number {
    const lines = this.slots.map((slot, l) => {
      const id = offer.termsIdAt(slot);
      const row = this.sharedLines[l]!;
      while (row.length <= id) row.push(undefined);
      return (row[id] ??= sharedLine());
    });
    return evaluateStochastic(new OfferTerms(this.profile, offer, lines), this.stochastic, this.noScratch, false).expected;
  }
}
