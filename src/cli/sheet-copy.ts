/**
 * A worksheet's bytes gathered as it is read, for writing it again without inflating it a second time: its
 * cells, the bulk of it, deflated at once on zlib's thread (BegunDeflate), and the bytes after them kept as
 * they are. kpi-rag's edits all lie after the cells (the schema puts conditional formats after
 * <sheetData>), so the cells' deflate is the start of the written part's; where an edit falls inside the
 * deflated bytes after all, the part is written as before, inflated again (`continuable`).
 */
import { BegunDeflate } from "./package-writer";

export class SheetCopy {
  readonly begun = new BegunDeflate();
  /** The bytes after the deflated ones, in chunks. */
  readonly rest: Buffer[] = [];
  private position = 0;
  private deflated = 0;
  /** Set once bytes were deflated past where the kept bytes were then said to begin. */
  private spoiled = false;

  /**
   * The next bytes of the part: deflated while they come before `keptFrom` (the offset from which bytes
   * are kept instead, once it is known), kept from there on.
   */
  async add(chunk: Buffer, keptFrom = Infinity): Promise<void> {
    const start = this.position;
    this.position += chunk.length;
    if (keptFrom < this.deflated) this.spoiled = true;
    const deflated = Math.max(0, Math.min(chunk.length, keptFrom - start));
    if (deflated < chunk.length) this.rest.push(chunk.subarray(deflated));
    if (deflated === 0) return;
    this.deflated += deflated;
    await this.begun.add(chunk.subarray(0, deflated));
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
