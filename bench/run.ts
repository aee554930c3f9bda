/**
 * npm run bench [-- --json]: the product's speed and size figures. Goals (issue texts): ratingsPerSecond
 * at least 5,000,000; detectMsFor10000Rows and detectMsFor10000RowsVaried at most 50 (finding tables and planning
 * rules; reportMsFor10000RowsVaried, with no goal, is the report the pane and --report add); detectMsFor10000RowsLayouts
 * at most 60 (the same on 10,000 rows spread over side-by-side tables, Actual/Target groups, per-year thresholds and
 * a long table); cfRulesFor1000Kpis at most 300, under every council scheme too (and with status symbols); cliVsExceljsRatio
 * at most 0.5 on the 5,000-row workbook (whole commands; cliVsExceljsInProcessRatio is the same without start-up);
 * cli100kVsExceljsRatio at most 0.5 and cliPeakMBFor100kRows at most 400 on a 100,000-row sheet;
 * cliPeakMBFor30kRowsAtXFD at most 200 (30,000 rows each with one figure in column XFD); syncsPerApply at most 2;
 * syncsPerApply100kRows at most 12 (web payload limit on); taskpaneGzipKB at most 150; functionsGzipKB at most 20;
 * paneOpenVsBaselineFor10000Kpis at most 2 (the built pane in headless Chromium against React and one Fluent
 * button); paneApplyMsFor10000Kpis has no goal yet. The data flow (issue 20, bench/flow.ts): coldDetectMsFor10000Rows
 * at most 100 (the first detection and plan in a fresh process); cliVsFloorRatio100k at most 3 (kpi-rag against
 * inflating, scanning once and deflating the 100,000-row sheet); ruleXmlKBFor100kRows at most 1,000 (the rules
 * kpi-rag writes there); cliPeakMBFor1MRows at most 1,000 (kpi-rag at Excel's maximum, 1,048,576 rows).
 * Figures only: nothing here asserts a timing.
 */
import { measureRatingsPerSecond } from "./ratings";
import {
  measureCli100k,
  measureCli30kRowsAtXfd,
  measureCliVsExceljs,
  measureDetection,
  measureLayoutsDetection,
  measureRulesFor1000Kpis,
  measureRulesFor1000KpisUnderSchemes,
  measureVariedDetection,
  measureVariedReport,
} from "./formatting";
import { measureBundles, measureSyncsPerApply, measureSyncsPerApply100kRows } from "./addin";
import { measurePane } from "./pane";
import { measureCliAtExcelMaximum, measureColdDetection } from "./flow";

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const figures: Record<string, number | null> = {};
  const say = (line: string): void => {
    if (!json) console.log(line);
    else console.error(line);
  };
  figures.ratingsPerSecond = measureRatingsPerSecond(2);
  say(`ratingsPerSecond ${figures.ratingsPerSecond}`);
  figures.coldDetectMsFor10000Rows = await measureColdDetection();
  say(`coldDetectMsFor10000Rows ${figures.coldDetectMsFor10000Rows}`);
  figures.detectMsFor10000Rows = await measureDetection();
  say(`detectMsFor10000Rows ${figures.detectMsFor10000Rows}`);
  figures.detectMsFor10000RowsVaried = measureVariedDetection();
  say(`detectMsFor10000RowsVaried ${figures.detectMsFor10000RowsVaried}`);
  figures.detectMsFor10000RowsLayouts = measureLayoutsDetection();
  say(`detectMsFor10000RowsLayouts ${figures.detectMsFor10000RowsLayouts}`);
  figures.reportMsFor10000RowsVaried = measureVariedReport();
  say(`reportMsFor10000RowsVaried ${figures.reportMsFor10000RowsVaried}`);
  figures.cfRulesFor1000Kpis = await measureRulesFor1000Kpis();
  say(`cfRulesFor1000Kpis ${figures.cfRulesFor1000Kpis}`);
  const underSchemes = await measureRulesFor1000KpisUnderSchemes();
  Object.assign(figures, underSchemes);
  say(
    Object.entries(underSchemes)
      .map(([name, count]) => `${name} ${count}`)
      .join("; ")
  );
  Object.assign(figures, await measureCliVsExceljs());
  say(
    `cliVsExceljsRatio ${figures.cliVsExceljsRatio} (in one process: ${figures.cliVsExceljsInProcessRatio})`
  );
  Object.assign(figures, await measureCli100k());
  say(
    `cli100kVsExceljsRatio ${figures.cli100kVsExceljsRatio}; cliPeakMBFor100kRows ${figures.cliPeakMBFor100kRows} (ExcelJS ${figures.exceljsPeakMBFor100kRows}); cliVsFloorRatio100k ${figures.cliVsFloorRatio100k}; ruleXmlKBFor100kRows ${figures.ruleXmlKBFor100kRows}`
  );
  Object.assign(figures, await measureCliAtExcelMaximum());
  say(`cliPeakMBFor1MRows ${figures.cliPeakMBFor1MRows}`);
  Object.assign(figures, await measureCli30kRowsAtXfd());
  say(`cliPeakMBFor30kRowsAtXFD ${figures.cliPeakMBFor30kRowsAtXFD}`);
  Object.assign(figures, await measureSyncsPerApply());
  Object.assign(figures, await measureSyncsPerApply100kRows());
  Object.assign(figures, await measureBundles());
  say(
    `syncsPerApply ${figures.syncsPerApply}; syncsPerApply100kRows ${figures.syncsPerApply100kRows}; taskpaneGzipKB ${figures.taskpaneGzipKB}; functionsGzipKB ${figures.functionsGzipKB}`
  );
  Object.assign(figures, await measurePane());
  say(
    `paneOpenVsBaselineFor10000Kpis ${figures.paneOpenVsBaselineFor10000Kpis} (${figures.paneOpenMsFor10000Kpis} ms against ${figures.baselineOpenMs} ms; ${figures.paneOpenVsBaselineWithHostFor10000Kpis} against ${figures.baselineWithHostOpenMs} ms with the simulated Office.js script; Excel opened the workbook in ${figures.hostOpenMsFor10000Kpis} ms before the pane); paneApplyMsFor10000Kpis ${figures.paneApplyMsFor10000Kpis}`
  );
  if (json) console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
