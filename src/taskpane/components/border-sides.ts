/**
 * A border's width, style or colour on all four sides, each side by name, as Griffel's atomic styles
 * need them: what Griffel's `shorthands` helpers return, without their 4 KB for the two the pane uses.
 */
type Side = "Top" | "Right" | "Bottom" | "Left";
type Part = "Width" | "Style" | "Color";

export function borderSides<P extends Part, V extends string>(
  part: P,
  value: V
): Record<`border${Side}${P}`, V> {
  return {
    [`borderTop${part}`]: value,
    [`borderRight${part}`]: value,
    [`borderBottom${part}`]: value,
    [`borderLeft${part}`]: value,
  } as Record<`border${Side}${P}`, V>;
}
