// SegmentsServer module
