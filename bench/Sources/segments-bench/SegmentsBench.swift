// Benchmark driver; filled by the SegmentsClient work.
@main
enum SegmentsBench {
    static func main() {}
}
