/**
 * A worksheet's bytes gathered as it is read, for writing it again without inflating it a second time: its
 * cells, the bulk of it, deflated at once on zlib's thread (BegunDeflate), and the bytes after them kept as
 * they are. kpi-rag's edits all lie after the cells (the schema puts conditional formats after
 * <sheetData>), so the cells' deflate is the start of the written part's; where an edit falls inside the
 * deflated bytes after all, the part is written as before, inflated again (`continuable`).
 */
import { BegunDeflate } from "./package-writer";

/**
 * The last bytes read are deflated only with the next: the scanner learns where the cells end only once
 * it has read </sheetData> whole, which may have begun in the chunk before.
 */
const heldBytes = 4096;

export class SheetCopy {
  readonly begun = new BegunDeflate();
  /** The bytes from where the cells end, once that is known. */
  private readonly kept: Buffer[] = [];
  /** Bytes read but neither deflated nor kept yet, in order: at most `heldBytes` after each chunk. */
  private held: Buffer[] = [];
  private position = 0;
  private deflated = 0;
  private keeping = false;
  /** Set where bytes were deflated past where the kept bytes were then said to begin. */
  private spoiled = false;

  /**
   * The next bytes of the part: deflated while they come before `keptFrom` (the offset from which bytes
   * are kept instead, once it is known), kept from there on.
   */
  async add(chunk: Buffer, keptFrom = Infinity): Promise<void> {
    if (this.keeping) {
      this.kept.push(chunk);
      return;
    }
    this.held.push(chunk);
    this.position += chunk.length;
    if (keptFrom < this.deflated) this.spoiled = true;
    const deflateTo =
      keptFrom === Infinity ? this.position - heldBytes : Math.max(keptFrom, this.deflated);
    const taken: Buffer[] = [];
    for (let at = this.deflated; this.held.length > 0 && at < deflateTo;) {
      const first = this.held[0];
      const take = Math.min(first.length, deflateTo - at);
      taken.push(first.subarray(0, take));
      if (take === first.length) this.held.shift();
      else this.held[0] = first.subarray(take);
      at += take;
    }
    if (keptFrom !== Infinity) {
      this.kept.push(...this.held);
      this.held = [];
      this.keeping = true;
    }
    for (const bytes of taken) this.deflated += bytes.length;
    await this.begun.add(...taken);
  }

  /** The bytes after the deflated ones, in chunks. */
  rest(): Buffer[] {
    return [...this.kept, ...this.held];
  }

  /**
   * Whether the part can be written on from the deflated bytes: no byte of them is edited. Otherwise the
   * deflate is let go.
   */
  continuable(firstEdited: number): boolean {
    const can = !this.spoiled && firstEdited >= this.deflated;
    if (!can) this.begun.abandon();
    return can;
  }
}
