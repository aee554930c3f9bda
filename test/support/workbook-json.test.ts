// @vitest-environment node
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createExcelHost,
  loadHostFromXlsx,
  workbookStateFromJson,
  workbookStateToJson,
} from "./index.js";

const appendixI = path.join(__dirname, "..", "..", "examples", "appendix-i.xlsx");

describe("a workbook state as JSON", () => {
  it("carries the Appendix I workbook to another host unchanged", async () => {
    const host = await loadHostFromXlsx(appendixI);
    const json = JSON.parse(JSON.stringify(workbookStateToJson(host.state)));
    const again = createExcelHost(workbookStateFromJson(json));
    expect(again.snapshot()).toEqual(host.snapshot());
    expect(again.state).toEqual(host.state);
  });

  it("shares nothing with the live state, and keeps hidden rows and columns", () => {
    const host = createExcelHost({
      Data: [
        ["Measure", "Target"],
        ["Repeat referrals", "22%"],
      ],
    });
    host.sheet("Data").hideRows("2:2");
    const json = workbookStateToJson(host.state);
    expect(json.sheets[0].hiddenRows).toEqual([1]);
    const copy = workbookStateFromJson(json);
    copy.sheets[0].cells.clear();
    expect(host.sheet("Data").cell("B2").value).toBe(0.22);
    expect(createExcelHost(workbookStateFromJson(json)).sheet("Data").hiddenRows()).toEqual([2]);
  });
});
