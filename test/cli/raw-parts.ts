/**
 * Workbooks holding what Excel writes and ExcelJS cannot keep, built by adding raw parts to the bundled
 * Appendix I package: each feature is the XML Excel itself saves for it, so a test can check that kpi-rag
 * carries every one through untouched.
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { example } from "./run-command";

const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const x14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const xm = "http://schemas.microsoft.com/office/excel/2006/main";
export const sheetPart = "xl/worksheets/sheet1.xml";

export type Feature =
  | "sensitivity label"
  | "workbook protection"
  | "threaded comments"
  | "external link"
  | "defined names"
  | "x14 list validation"
  | "text box"
  | "chart"
  | "dynamic array"
  | "named cell style"
  | "pivot cache"
  | "sparklines"
  | "data bars"
  | "analyst rules"
  | "macros";

export const features: Feature[] = [
  "sensitivity label",
  "workbook protection",
  "threaded comments",
  "external link",
  "defined names",
  "x14 list validation",
  "text box",
  "chart",
  "dynamic array",
  "named cell style",
  "pivot cache",
  "sparklines",
  "data bars",
  "analyst rules",
  "macros",
];

/** The bytes of the vbaProject.bin stand-in: any bytes will do, as long as they come out the same. */
export const vbaProject = Buffer.from(
  Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256)
);

class Package {
  constructor(readonly zip: JSZip) {}
  async edit(part: string, change: (xml: string) => string): Promise<void> {
    const xml = await this.zip.file(part)!.async("string");
    const changed = change(xml);
    if (changed === xml) throw new Error(`the edit of ${part} changed nothing`);
    this.zip.file(part, changed);
  }
  async contentType(partName: string, type: string): Promise<void> {
    await this.edit("[Content_Types].xml", (xml) =>
      xml.replace("</Types>", `<Override PartName="/${partName}" ContentType="${type}"/></Types>`)
    );
  }
  async relationship(
    from: string,
    id: string,
    type: string,
    target: string,
    external = false
  ): Promise<void> {
    const slash = from.lastIndexOf("/");
    const rels =
      from === ""
        ? "_rels/.rels"
        : `${from.slice(0, slash + 1)}_rels/${from.slice(slash + 1)}.rels`;
    const relationship = `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`;
    if (!this.zip.file(rels)) {
      this.zip.file(
        rels,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationship}</Relationships>`
      );
      return;
    }
    await this.edit(rels, (xml) =>
      xml.replace("</Relationships>", `${relationship}</Relationships>`)
    );
  }
  /** Adds a child to the sheet's extLst, making the extLst if there is none. */
  async sheetExtension(ext: string): Promise<void> {
    await this.edit(sheetPart, (xml) =>
      xml.includes("</extLst></worksheet>")
        ? xml.replace("</extLst></worksheet>", () => `${ext}</extLst></worksheet>`)
        : xml.replace("</worksheet>", () => `<extLst>${ext}</extLst></worksheet>`)
    );
  }
}

const adders: Record<Feature, (pkg: Package) => Promise<void>> = {
  async "sensitivity label"(pkg) {
    const label = "{3f4a9c2e-6b1d-4e8a-9f2c-5d7e1a3b6c90}";
    pkg.zip.file(
      "docProps/custom.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_${label}_Enabled"><vt:lpwstr>true</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="MSIP_Label_${label}_Name"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="MSIP_Label_${label}_SiteId"><vt:lpwstr>{0b7e3c1a-2d4f-4a6b-8c9d-1e2f3a4b5c6d}</vt:lpwstr></property></Properties>`
    );
    await pkg.contentType(
      "docProps/custom.xml",
      "application/vnd.openxmlformats-officedocument.custom-properties+xml"
    );
    await pkg.relationship(
      "",
      "rIdCustom",
      `${officeRelationships}/custom-properties`,
      "docProps/custom.xml"
    );
    pkg.zip.file(
      "docMetadata/LabelInfo.xml",
      `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="${label}" enabled="1" method="Privileged" siteId="{0b7e3c1a-2d4f-4a6b-8c9d-1e2f3a4b5c6d}" removed="0"/></clbl:labelList>`
    );
    await pkg.contentType(
      "docMetadata/LabelInfo.xml",
      "application/vnd.ms-office.classificationlabels+xml"
    );
    await pkg.relationship(
      "",
      "rIdLabel",
      "http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels",
      "docMetadata/LabelInfo.xml"
    );
  },
  async "workbook protection"(pkg) {
    await pkg.edit("xl/workbook.xml", (xml) =>
      xml.replace(
        /(<workbookPr[^>]*\/>)/,
        '$1<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="q9Yt1mH3Qx7yW0pZ8vB2cN4rL6sK1jD5fG7hT9uE3wA=" workbookSaltValue="Zx8cV7bN6mQ5wE4rT3yU2i==" workbookSpinCount="100000" lockStructure="1"/>'
      )
    );
  },
  async "threaded comments"(pkg) {
    const person = "{6A1B2C3D-4E5F-4a6b-8c7d-9E0F1A2B3C4D}";
    const thread = "{11111111-2222-4333-8444-555555555555}";
    pkg.zip.file(
      "xl/persons/person.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${main}"><person displayName="Priya Shah" id="${person}" userId="priya.shah@trust.example.org" providerId="AD"/></personList>`
    );
    await pkg.contentType("xl/persons/person.xml", "application/vnd.ms-excel.person+xml");
    await pkg.relationship(
      "xl/workbook.xml",
      "rIdPersons",
      "http://schemas.microsoft.com/office/2017/10/relationships/person",
      "persons/person.xml"
    );
    pkg.zip.file(
      "xl/threadedComments/threadedComment1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${main}"><threadedComment ref="G7" dT="2021-10-04T09:12:00.00" personId="${person}" id="${thread}"><text>Q2 figure to be confirmed by the Head of Service.</text></threadedComment></ThreadedComments>`
    );
    await pkg.contentType(
      "xl/threadedComments/threadedComment1.xml",
      "application/vnd.ms-excel.threadedcomments+xml"
    );
    await pkg.relationship(
      sheetPart,
      "rIdThreads",
      "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
      "../threadedComments/threadedComment1.xml"
    );
    pkg.zip.file(
      "xl/comments1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${main}"><authors><author>tc=${thread}</author></authors><commentList><comment ref="G7" authorId="0"><text><t>[Threaded comment] Q2 figure to be confirmed by the Head of Service.</t></text></comment></commentList></comments>`
    );
    await pkg.contentType(
      "xl/comments1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
    );
    await pkg.relationship(
      sheetPart,
      "rIdComments",
      `${officeRelationships}/comments`,
      "../comments1.xml"
    );
    pkg.zip.file(
      "xl/drawings/vmlDrawing1.vml",
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>6</x:Row><x:Column>6</x:Column></x:ClientData></v:shape></xml>'
    );
    await pkg.relationship(
      sheetPart,
      "rIdVml",
      `${officeRelationships}/vmlDrawing`,
      "../drawings/vmlDrawing1.vml"
    );
    await pkg.edit(sheetPart, (xml) =>
      xml.replace(/(<pageSetup[^>]*\/>(?:<drawing[^>]*\/>)?)/, '$1<legacyDrawing r:id="rIdVml"/>')
    );
  },
  async "external link"(pkg) {
    pkg.zip.file(
      "xl/externalLinks/externalLink1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${main}" xmlns:r="${officeRelationships}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>0.87</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`
    );
    await pkg.contentType(
      "xl/externalLinks/externalLink1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"
    );
    await pkg.relationship(
      "xl/externalLinks/externalLink1.xml",
      "rId1",
      `${officeRelationships}/externalLinkPath`,
      "file:///\\\\fileserver\\performance\\England%20comparators.xlsx",
      true
    );
    await pkg.relationship(
      "xl/workbook.xml",
      "rIdLink",
      `${officeRelationships}/externalLink`,
      "externalLinks/externalLink1.xml"
    );
    await pkg.edit("xl/workbook.xml", (xml) =>
      xml.replace(
        "</sheets>",
        '</sheets><externalReferences><externalReference r:id="rIdLink"/></externalReferences>'
      )
    );
    await addDefinedName(pkg, '<definedName name="EnglandRate">[1]Sheet1!$A$1</definedName>');
  },
  async "defined names"(pkg) {
    await addDefinedName(
      pkg,
      [
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'Appendix I\'!$A$6:$J$18</definedName>',
        '<definedName name="LateReturns">#REF!</definedName>',
        "<definedName name=\"Measures\">OFFSET('Appendix I'!$B$7,0,0,COUNTA('Appendix I'!$B$7:$B$54),1)</definedName>",
        '<definedName name="ReportingYear">"2021/22"</definedName>',
        '<definedName name="Threshold" localSheetId="0">0.75</definedName>',
      ].join("")
    );
  },
  async "x14 list validation"(pkg) {
    await pkg.sheetExtension(
      `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${x14}"><x14:dataValidations count="1" xmlns:xm="${xm}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>'Appendix I'!$C$7:$C$9</xm:f></x14:formula1><xm:sqref>K7:K54</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`
    );
  },
  async "text box"(pkg) {
    await ensureDrawing(pkg);
    await pkg.edit("xl/drawings/drawing1.xml", (xml) =>
      xml.replace(
        "</xdr:wsDr>",
        '<xdr:twoCellAnchor><xdr:from><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="TextBox 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="571500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB"/><a:t>Figures for Q2 are provisional.</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
      )
    );
  },
  async chart(pkg) {
    await ensureDrawing(pkg);
    pkg.zip.file(
      "xl/charts/chart1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${officeRelationships}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Appendix I'!$G$7:$I$7</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`
    );
    await pkg.contentType(
      "xl/charts/chart1.xml",
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    );
    await pkg.relationship(
      "xl/drawings/drawing1.xml",
      "rIdChart",
      `${officeRelationships}/chart`,
      "../charts/chart1.xml"
    );
    await pkg.edit("xl/drawings/drawing1.xml", (xml) =>
      xml.replace(
        "</xdr:wsDr>",
        '<xdr:twoCellAnchor><xdr:from><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>18</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Chart 2"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
      )
    );
  },
  async "dynamic array"(pkg) {
    pkg.zip.file(
      "xl/metadata.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="${main}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`
    );
    await pkg.contentType(
      "xl/metadata.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"
    );
    await pkg.relationship(
      "xl/workbook.xml",
      "rIdMeta",
      `${officeRelationships}/sheetMetadata`,
      "metadata.xml"
    );
    await pkg.edit(sheetPart, (xml) =>
      xml.replace(
        "</sheetData>",
        '<row r="57"><c r="L57" cm="1"><f t="array" ref="L57:L59">_xlfn._xlws.SORT(G7:G9)</f><v>0.89</v></c></row><row r="58"><c r="L58"><v>0.91</v></c></row><row r="59"><c r="L59"><v>0.93</v></c></row></sheetData>'
      )
    );
  },
  async "named cell style"(pkg) {
    await pkg.edit("xl/styles.xml", (xml) =>
      xml
        .replace(
          /<cellStyleXfs count="1">(.*?)<\/cellStyleXfs>/,
          '<cellStyleXfs count="2">$1<xf numFmtId="9" fontId="3" fillId="2" borderId="1" applyNumberFormat="1"/></cellStyleXfs>'
        )
        .replace(
          /<cellStyles count="1">(.*?)<\/cellStyles>/,
          '<cellStyles count="2">$1<cellStyle name="KPI figure" xfId="1"/></cellStyles>'
        )
    );
  },
  async "pivot cache"(pkg) {
    pkg.zip.file(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${main}" xmlns:r="${officeRelationships}" r:id="rId1" refreshOnLoad="1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="B6:G8" sheet="Appendix I"/></cacheSource><cacheFields count="1"><cacheField name="Measure" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`
    );
    await pkg.contentType(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"
    );
    pkg.zip.file(
      "xl/pivotCache/pivotCacheRecords1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${main}" count="2"><r><s v="Re-referrals"/></r><r><s v="Assessments"/></r></pivotCacheRecords>`
    );
    await pkg.contentType(
      "xl/pivotCache/pivotCacheRecords1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"
    );
    await pkg.relationship(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "rId1",
      `${officeRelationships}/pivotCacheRecords`,
      "pivotCacheRecords1.xml"
    );
    await pkg.relationship(
      "xl/workbook.xml",
      "rIdPivot",
      `${officeRelationships}/pivotCacheDefinition`,
      "pivotCache/pivotCacheDefinition1.xml"
    );
    await pkg.edit("xl/workbook.xml", (xml) =>
      xml.replace(
        /(<calcPr[^>]*\/>)/,
        '$1<pivotCaches><pivotCache cacheId="3" r:id="rIdPivot"/></pivotCaches>'
      )
    );
  },
  async sparklines(pkg) {
    await pkg.sheetExtension(
      `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${x14}"><x14:sparklineGroups xmlns:xm="${xm}"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>'Appendix I'!G7:I7</xm:f><xm:sqref>K7</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`
    );
  },
  async "data bars"(pkg) {
    const id = "{A1B2C3D4-0001-4000-8000-000000000001}";
    await addAnalystBlocks(
      pkg,
      `<conditionalFormatting sqref="E7:E18"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${x14}"><x14:id>${id}</x14:id></ext></extLst></cfRule></conditionalFormatting>`
    );
    await pkg.sheetExtension(
      `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${x14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${xm}"><x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>E7:E18</xm:sqref></x14:conditionalFormatting><x14:conditionalFormatting xmlns:xm="${xm}"><x14:cfRule type="expression" priority="40" id="{A1B2C3D4-0002-4000-8000-000000000002}"><xm:f>'Appendix I'!$D$7&lt;&gt;""</xm:f><x14:dxf><font><i/></font></x14:dxf></x14:cfRule><xm:sqref>B7:B18</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`
    );
  },
  async "analyst rules"(pkg) {
    await addAnalystBlocks(
      pkg,
      [
        '<conditionalFormatting sqref="B7:B54"><cfRule type="duplicateValues" dxfId="0" priority="3"/></conditionalFormatting>',
        '<conditionalFormatting sqref="C7:C54"><cfRule type="uniqueValues" dxfId="0" priority="4"/></conditionalFormatting>',
        '<conditionalFormatting sqref="K7:K54"><cfRule type="beginsWith" dxfId="0" priority="5" operator="beginsWith" text="Late"><formula>LEFT(K7,LEN("Late"))="Late"</formula></cfRule><cfRule type="endsWith" dxfId="0" priority="6" stopIfTrue="1" operator="endsWith" text="TBC"><formula>RIGHT(K7,LEN("TBC"))="TBC"</formula></cfRule><cfRule type="notContainsText" dxfId="0" priority="7" operator="notContains" text="on track"><formula>ISERROR(SEARCH("on track",K7))</formula></cfRule></conditionalFormatting>',
        '<conditionalFormatting sqref="G7:I18"><cfRule type="aboveAverage" dxfId="0" priority="8" aboveAverage="0" stdDev="1"/></conditionalFormatting>',
      ].join("")
    );
  },
  async macros(pkg) {
    pkg.zip.file("xl/vbaProject.bin", vbaProject);
    await pkg.edit("[Content_Types].xml", (xml) =>
      xml
        .replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        )
        .replace(
          "</Types>",
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
        )
    );
    await pkg.relationship(
      "xl/workbook.xml",
      "rIdVba",
      "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
      "vbaProject.bin"
    );
  },
};

async function addDefinedName(pkg: Package, names: string): Promise<void> {
  await pkg.edit("xl/workbook.xml", (xml) =>
    xml.includes("</definedNames>")
      ? xml.replace("</definedNames>", () => `${names}</definedNames>`)
      : xml.replace("<calcPr", () => `<definedNames>${names}</definedNames><calcPr`)
  );
}

/** Analyst blocks go after the workbook's own analyst block, where Excel keeps them. */
async function addAnalystBlocks(pkg: Package, blocks: string): Promise<void> {
  await pkg.edit(sheetPart, (xml) =>
    xml.replace(
      /(<\/conditionalFormatting>)(?!.*<\/conditionalFormatting>)/s,
      (block) => `${block}${blocks}`
    )
  );
}

async function ensureDrawing(pkg: Package): Promise<void> {
  if (pkg.zip.file("xl/drawings/drawing1.xml")) return;
  pkg.zip.file(
    "xl/drawings/drawing1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${officeRelationships}"></xdr:wsDr>`
  );
  await pkg.contentType(
    "xl/drawings/drawing1.xml",
    "application/vnd.openxmlformats-officedocument.drawing+xml"
  );
  await pkg.relationship(
    sheetPart,
    "rIdDrawing",
    `${officeRelationships}/drawing`,
    "../drawings/drawing1.xml"
  );
  await pkg.edit(sheetPart, (xml) =>
    xml.replace(/(<pageSetup[^>]*\/>)/, '$1<drawing r:id="rIdDrawing"/>')
  );
}

/** Appendix I with the named features added, as the bytes of its package. */
export async function workbookWith(...wanted: Feature[]): Promise<Buffer> {
  const pkg = new Package(await JSZip.loadAsync(readFileSync(example("appendix-i.xlsx"))));
  // Drawings first, so a legacy drawing follows the drawing as the schema's order has it.
  const order = [...wanted].sort(
    (a, b) => Number(b === "text box" || b === "chart") - Number(a === "text box" || a === "chart")
  );
  for (const feature of order) await adders[feature](pkg);
  return pkg.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
