/**
 * Every dash a keyboard, a word processor or a pasted report may put between two years or months
 * ("2024-25", "2024–25", "2024—25", "Apr‒Jun"): the hyphen-minus, the Unicode hyphens, the figure dash, the
 * en and em dashes, the horizontal bar and the minus sign. The inside of a regular expression's class.
 */
export const dashes = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212";
