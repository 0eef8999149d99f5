// SegmentsStore module
