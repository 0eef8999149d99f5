// SegmentsClient module
