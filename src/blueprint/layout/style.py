"""Sizes of everything in the drawing, in px. One place, so the picture stays consistent."""

MARGIN = 28
HEAD_W = 156  # left column with lane labels
CARD_W = 172
CARD_PAD_X = 9
CARD_PAD_Y = 8
# The SVG renderer draws a linked card's mark (↗) 9 to 14 px in from its right
# edge; the label stops 3 px short of it.
LINK_MARK_ROOM = 14 + 3 - CARD_PAD_X
CARD_GAP = 12  # between stacked cards in one cell
STACKED_FLOW_GAP = 30  # between stacked cards joined by a flow: room for two arrowheads
LANE_PAD_BOTTOM = 14
CHANNEL_MIN = 16  # free band at the top of each lane, where arrows run sideways
GUTTER_MIN = 28  # free band between columns, where arrows run up and down
TRACK_GAP = 12  # distance between parallel arrows in a band: nearer, two flows read as one line
BAND_PAD = 8  # distance from a band's edge to its first arrow
PORT_GAP = 12  # distance between arrows leaving one side of a card
PORT_MARGIN = 6  # from a card's corner to its nearest port
CHANNEL_TOP_PAD = 18  # from the lane line above a channel to its first track: nearer, a flow doubles the line

TITLE_SIZE = 22
META_SIZE = 12.5
PHASE_SIZE = 13
STEP_SIZE = 12
LANE_SIZE = 13
LINE_LABEL_SIZE = 11
CARD_SIZE = 12
EVIDENCE_SIZE = 11.5
MARKER_SIZE = 11
ARROW_LABEL_SIZE = 11
LEGEND_SIZE = 11
LIST_SIZE = 11.5
# No text of a drawing is smaller, so that a printed wall and a low-vision reader can read it.
SMALLEST_SIZE = 11
LIST_HEAD_SIZE = 13

CARD_MAX_LINES = 6
EVIDENCE_MAX_LINES = 5
STEP_MAX_LINES = 3
ARROW_LABEL_W = 112
MARKER_H = 19
MARKER_GAP = 5
