package ai.holysheep.chat.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders markdown into styled lines wrapped to a width. Code blocks are never re-wrapped: a
 * code line wider than the width is kept whole and flagged as overflowing. All text passes the
 * {@link TerminalSanitizer}, before parsing and again after entities are decoded. Stateless and
 * thread-safe.
 */
public final class MarkdownRenderer {
    private static final Parser PARSER = parser().build();

    static final Style MARKER = Style.PLAIN.withForeground(Color.GRAY);
    static final Style CODE_BLOCK = Style.PLAIN.withBackground(Color.CODE_SHADE).withCode();
    private static final Style INLINE_CODE = Style.PLAIN.withForeground(Color.YELLOW).withCode();
    private static final Style URL = Style.PLAIN.withForeground(Color.GRAY);
    private static final String[] BULLETS = {"•", "◦", "▪"};

    /** The dialect rendered here: CommonMark with GFM tables and strikethrough. */
    static Parser.Builder parser() {
        return Parser.builder().extensions(List.of(TablesExtension.create(), StrikethroughExtension.create()));
    }

    /** The markdown as lines of at most {@code width} columns (code lines excepted). */
    public List<StyledLine> render(String markdown, int width) {
        Node document = PARSER.parse(TerminalSanitizer.clean(markdown));
        List<StyledLine> out = new ArrayList<>();
        blocks(document, Math.max(1, width), 0, true, out);
        return out;
    }

    /** Renders the children of a container, separated by blank lines unless {@code tight}. */
    private void blocks(Node parent, int width, int listDepth, boolean separate, List<StyledLine> out) {
        boolean first = true;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof LinkReferenceDefinition) {
                continue;
            }
            if (!first && separate) {
                out.add(StyledLine.BLANK);
            }
            block(child, width, listDepth, out);
            first = false;
        }
    }

    private void block(Node node, int width, int listDepth, List<StyledLine> out) {
        if (node instanceof Paragraph) {
            paragraph(inlines(node, Style.PLAIN), width, LineKind.PARAGRAPH, out);
        } else if (node instanceof Heading heading) {
            heading(heading, width, out);
        } else if (node instanceof FencedCodeBlock code) {
            codeBlock(code.getLiteral(), firstWord(code.getInfo()), width, out);
        } else if (node instanceof IndentedCodeBlock code) {
            codeBlock(code.getLiteral(), "", width, out);
        } else if (node instanceof BlockQuote) {
            quote(node, width, listDepth, out);
        } else if (node instanceof ListBlock list) {
            list(list, width, listDepth, out);
        } else if (node instanceof ThematicBreak) {
            out.add(new StyledLine(List.of(new Span("─".repeat(width), MARKER)), LineKind.RULE));
        } else if (node instanceof TableBlock table) {
            table(table, width, out);
        } else if (node instanceof HtmlBlock html) {
            InlineText text = new InlineText();
            String literal = html.getLiteral();
            text.append(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal,
                    Style.PLAIN.withDim());
            paragraph(text, width, LineKind.PARAGRAPH, out);
        } else {
            blocks(node, width, listDepth, true, out);
        }
    }

    private void paragraph(InlineText text, int width, LineKind kind, List<StyledLine> out) {
        for (List<Span> spans : text.wrap(width)) {
            out.add(new StyledLine(spans, kind));
        }
    }

    private void heading(Heading heading, int width, List<StyledLine> out) {
        Style style = switch (heading.getLevel()) {
            case 1 -> Style.PLAIN.withBold().withUnderline().withForeground(Color.BRIGHT_CYAN);
            case 2 -> Style.PLAIN.withBold().withForeground(Color.BRIGHT_CYAN);
            default -> Style.PLAIN.withBold();
        };
        InlineText text = new InlineText();
        text.append("#".repeat(heading.getLevel()) + " ", MARKER);
        inlines(heading, style, text);
        paragraph(text, width, LineKind.HEADING, out);
    }

    private void codeBlock(String literal, String language, int width, List<StyledLine> out) {
        String code = TerminalSanitizer.clean(literal).replace("\t", "    ");
        if (code.endsWith("\n")) {
            code = code.substring(0, code.length() - 1);
        }
        if (!language.isEmpty()) {
            String label = TerminalSanitizer.clean(language);
            out.add(new StyledLine(List.of(new Span(" " + label + " ", CODE_BLOCK.withForeground(Color.GRAY).withItalic())),
                    LineKind.CODE));
        }
        if (code.isEmpty()) {
            // Also keeps a streamed fence whose first line has not arrived at just its label.
            return;
        }
        for (List<Span> spans : CodeHighlighter.highlight(code, CodeHighlighter.family(language), CODE_BLOCK)) {
            int used = 0;
            for (Span span : spans) {
                used += span.width();
            }
            List<Span> line = new ArrayList<>(spans);
            if (used < width) {
                line.add(new Span(" ".repeat(width - used), CODE_BLOCK));
            }
            out.add(new StyledLine(line, LineKind.CODE, used > width));
        }
    }

    private void quote(Node quote, int width, int listDepth, List<StyledLine> out) {
        List<StyledLine> inner = new ArrayList<>();
        blocks(quote, Math.max(1, width - 2), listDepth, true, inner);
        Span bar = new Span("│ ", MARKER);
        for (StyledLine line : inner) {
            LineKind kind = line.kind() == LineKind.PARAGRAPH || line.kind() == LineKind.BLANK
                    ? LineKind.QUOTE : line.kind();
            out.add(prefixed(line, bar, kind));
        }
    }

    private void list(ListBlock list, int width, int listDepth, List<StyledLine> out) {
        List<String> markers = new ArrayList<>();
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            markers.add(list instanceof OrderedList ordered
                    ? (number++) + delimiter(ordered)
                    : BULLETS[listDepth % BULLETS.length]);
        }
        int markerWidth = 0;
        for (String marker : markers) {
            markerWidth = Math.max(markerWidth, DisplayWidth.of(marker));
        }
        markerWidth += 1;
        int index = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext(), index++) {
            if (index > 0 && !list.isTight()) {
                out.add(StyledLine.BLANK);
            }
            String marker = markers.get(index);
            int pad = markerWidth - 1 - DisplayWidth.of(marker);
            Span first = new Span(" ".repeat(pad) + marker + " ", MARKER);
            Span hanging = Span.plain(" ".repeat(markerWidth));
            List<StyledLine> inner = new ArrayList<>();
            blocks(item, Math.max(1, width - markerWidth), listDepth + 1, !list.isTight(), inner);
            if (inner.isEmpty()) {
                inner.add(new StyledLine(List.of(), LineKind.PARAGRAPH));
            }
            for (int i = 0; i < inner.size(); i++) {
                StyledLine line = inner.get(i);
                if (line.kind() == LineKind.BLANK) {
                    out.add(line);
                    continue;
                }
                LineKind kind = line.kind() == LineKind.PARAGRAPH ? LineKind.LIST_ITEM : line.kind();
                out.add(prefixed(line, i == 0 ? first : hanging, kind));
            }
        }
    }

    private static String delimiter(OrderedList list) {
        String d = list.getMarkerDelimiter();
        return d == null ? "." : d;
    }

    private void table(TableBlock table, int width, List<StyledLine> out) {
        List<List<InlineText>> rows = new ArrayList<>();
        List<TableRenderer.Align> aligns = new ArrayList<>();
        int headerRows = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<InlineText> cells = new ArrayList<>();
                boolean header = false;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (!(cell instanceof TableCell tableCell)) {
                        continue;
                    }
                    header = tableCell.isHeader();
                    cells.add(inlines(cell, header ? Style.PLAIN.withBold() : Style.PLAIN));
                    if (aligns.size() < cells.size()) {
                        aligns.add(align(tableCell.getAlignment()));
                    }
                }
                if (header) {
                    headerRows++;
                }
                rows.add(cells);
            }
        }
        out.addAll(TableRenderer.render(rows, headerRows, aligns, width));
    }

    private static TableRenderer.Align align(TableCell.Alignment alignment) {
        if (alignment == null) {
            return TableRenderer.Align.LEFT;
        }
        return switch (alignment) {
            case CENTER -> TableRenderer.Align.CENTER;
            case RIGHT -> TableRenderer.Align.RIGHT;
            default -> TableRenderer.Align.LEFT;
        };
    }

    private static StyledLine prefixed(StyledLine line, Span prefix, LineKind kind) {
        List<Span> spans = new ArrayList<>(line.spans().size() + 1);
        spans.add(prefix);
        spans.addAll(line.spans());
        return new StyledLine(spans, kind, line.overflows());
    }

    private InlineText inlines(Node parent, Style style) {
        InlineText text = new InlineText();
        inlines(parent, style, text);
        return text;
    }

    private void inlines(Node parent, Style style, InlineText out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                out.append(text.getLiteral(), style);
            } else if (node instanceof Code code) {
                out.append(code.getLiteral(), INLINE_CODE);
            } else if (node instanceof Emphasis) {
                inlines(node, style.withItalic(), out);
            } else if (node instanceof StrongEmphasis) {
                inlines(node, style.withBold(), out);
            } else if (node instanceof Strikethrough) {
                inlines(node, style.withStrikethrough(), out);
            } else if (node instanceof Link link) {
                link(link, style, out);
            } else if (node instanceof Image image) {
                out.append("[image: ", URL);
                inlines(image, style, out);
                out.append("] ", URL);
                out.append(image.getDestination(), URL);
            } else if (node instanceof SoftLineBreak) {
                out.append(" ", style);
            } else if (node instanceof HardLineBreak) {
                out.hardBreak();
            } else if (node instanceof HtmlInline html) {
                out.append(html.getLiteral(), style.withDim());
            } else {
                inlines(node, style, out);
            }
        }
    }

    /** A link shows its text and then its address, since a terminal cannot follow it. */
    private void link(Link link, Style style, InlineText out) {
        inlines(link, style.withForeground(Color.BLUE).withUnderline(), out);
        String destination = link.getDestination();
        String shown = plainText(link);
        if (!destination.isEmpty() && !shown.equals(destination) && !("mailto:" + shown).equals(destination)) {
            out.append(" (" + destination + ")", URL);
        }
    }

    private static String plainText(Node parent) {
        StringBuilder sb = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                sb.append(text.getLiteral());
            } else if (node instanceof Code code) {
                sb.append(code.getLiteral());
            } else {
                sb.append(plainText(node));
            }
        }
        return sb.toString();
    }

    private static String firstWord(String info) {
        if (info == null) {
            return "";
        }
        String trimmed = info.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
