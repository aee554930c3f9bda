/**
 * The RAG colours, defined once for the sheet and the pane: Excel's own Good / Neutral / Bad cell styles,
 * so a formatted appendix looks like Excel and recipients recognise it. Blue (the Blue-for-exceeding
 * scheme) is Excel's light blue fill under its standard Dark Blue font: 10.3:1, more than Good's 6.1:1.
 */
import type { RagStatus } from "../values/status";

export interface RagColours {
  fill: string;
  font: string;
}

export const ragPalette: Readonly<Record<RagStatus, RagColours>> = {
  Blue: { fill: "#BDD7EE", font: "#002060" },
  Green: { fill: "#C6EFCE", font: "#006100" },
  Amber: { fill: "#FFEB9C", font: "#9C5700" },
  Red: { fill: "#FFC7CE", font: "#9C0006" },
};
