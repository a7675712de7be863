"""Layout analysis of converted filing text: lines, cells, typed tokens, form sections, table columns.

Data flows ``lines`` -> ``cells`` (tokens) -> ``sections`` -> ``columns``. Every object keeps character
offsets into ``NormalisedText.text`` so decisions made on top (rules now, a trained layout classifier
later) can be traced back and turned into span labels.
"""

from extractor.layout.cells import Cell, Token, TokenKind, split_cells, tokenize_line
from extractor.layout.columns import Column, ColumnModel, build_column_model, line_features
from extractor.layout.lines import Line, split_lines
from extractor.layout.sections import Section, find_sections

__all__ = [
    "Cell",
    "Column",
    "ColumnModel",
    "Line",
    "Section",
    "Token",
    "TokenKind",
    "build_column_model",
    "find_sections",
    "line_features",
    "split_cells",
    "split_lines",
    "tokenize_line",
]
