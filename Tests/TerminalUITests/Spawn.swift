import Foundation

/// Runs a program and waits for it with posix_spawn + waitpid.
///
/// Foundation's `Process` notices a child's exit through a socket the child inherits; the
/// tmux client forks the tmux server, which inherits that socket too, so `waitUntilExit`
/// would wait for the server. waitpid only waits for the child itself.
enum Spawn {
    struct Result {
        var status: Int32
        var output: String
        /// What the program wrote to stderr (kept only when the output is captured).
        var errorOutput: String = ""

        /// The exit status, as the shell reports it.
        var exitStatus: Int32 { (status >> 8) & 0xFF }
    }

    /// Runs `path`; with `captureOutput`, stdout comes back through a pipe and stderr through
    /// a temporary file. `input` (a temporary file) is the program's stdin.
    static func run(
        _ path: String, _ arguments: [String], environment: [String: String], captureOutput: Bool, input: String? = nil
    ) throws -> Result {
        var pipeFDs: [Int32] = [-1, -1]
        if captureOutput { guard pipe(&pipeFDs) == 0 else { throw SpawnError(message: "pipe failed") } }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)")
        let inputPath = scratch.path + ".in"
        let errorPath = scratch.path + ".err"
        defer {
            unlink(inputPath)
            unlink(errorPath)
        }
        if let input { try input.write(toFile: inputPath, atomically: false, encoding: .utf8) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input == nil ? "/dev/null" : inputPath, O_RDONLY, 0)
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
            posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }

        // Test threads block most signals and a spawned child inherits that mask; the tmux
        // server would then never see SIGCHLD and never exit. Start children with a clean slate.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        sigdelset(&defaultSignals, SIGKILL)
        sigdelset(&defaultSignals, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        if captureOutput { close(pipeFDs[1]) }
        guard rc == 0 else {
            if captureOutput { close(pipeFDs[0]) }
            throw SpawnError(message: "posix_spawn \(path) failed: \(rc)")
        }
        var output: [UInt8] = []
        if captureOutput {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(pipeFDs[0], &buffer, buffer.count)
                if count <= 0 { break }
                output.append(contentsOf: buffer[0..<count])
            }
            close(pipeFDs[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let errorOutput = captureOutput ? (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" : ""
        return Result(status: status, output: String(decoding: output, as: UTF8.self), errorOutput: errorOutput)
    }

    struct SpawnError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
