/// SVG and HTML-table rendering of the values cells display.
public enum Figures {}
