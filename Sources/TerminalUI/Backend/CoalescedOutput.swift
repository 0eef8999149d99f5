import CNcurses

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gathers what ncurses writes to the terminal during several updates and sends it in one
/// write, so that a terminal (or an SSH link) never shows or carries the steps in between.
///
/// ncurses writes each `doupdate` straight to file descriptor 1 and offers no way to hold
/// it back; for the duration of the body, descriptor 1 is a temporary file, whose content
/// then goes to the terminal at once. Without a terminal on descriptor 1, or when any step
/// fails, the body just writes directly.
final class CoalescedOutput {
    private let enabled: Bool
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(enabled: Bool) {
        self.enabled = enabled
    }

    deinit {
        if let file { fclose(file) }
    }

    func coalescing(_ body: () -> Void) {
        guard enabled, let descriptor = scratchDescriptor() else {
            body()
            return
        }
        let terminal = dup(1)
        guard terminal >= 0 else {
            body()
            return
        }
        defer { close(terminal) }
        // Written from the start each time; what lies past this frame's end is never read.
        guard lseek(descriptor, 0, SEEK_SET) == 0, dup2(descriptor, 1) >= 0 else {
            body()
            return
        }
        body()
        while dup2(terminal, 1) < 0 && errno == EINTR {}
        forward(from: descriptor, to: 1)
    }

    private func scratchDescriptor() -> Int32? {
        if file == nil { file = tmpfile() }
        guard let file else { return nil }
        let descriptor = fileno(file)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Copies what was written to the scratch file since its start to `target`, in as few
    /// writes as it takes.
    private func forward(from descriptor: Int32, to target: Int32) {
        let size = Int(lseek(descriptor, 0, SEEK_CUR))
        guard size > 0 else { return }
        if buffer.count < size { buffer = [UInt8](repeating: 0, count: size) }
        var read = 0
        buffer.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            while read < size {
                let count = pread(descriptor, base + read, size - read, off_t(read))
                if count > 0 {
                    read += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            var written = 0
            while written < read {
                let count = write(target, base + written, read - written)
                if count > 0 {
                    written += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else if count < 0 && errno == EAGAIN {
                    // A non-blocking terminal that is full: wait until it takes more.
                    var ready = pollfd(fd: target, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, 100)
                } else {
                    return
                }
            }
        }
    }
}
