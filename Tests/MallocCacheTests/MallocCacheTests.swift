#if canImport(Glibc)
import CMallocCache
import Glibc
import Testing

/// The per-thread cache of freed blocks the executables put in front of glibc's `malloc` and `free`
/// (Sources/CMallocCache). The test executable links it too, so every test of the package runs on it; these hold
/// what it promises: a block large enough for every request, a bounded cache per thread given back when the
/// thread ends, and a block freed twice or written after its free stopping the process, as glibc's own cache does.
@Suite("The malloc cache")
struct MallocCacheTests {
    @Test("This build's malloc and free go through the cache")
    func isActive() throws {
        #expect(gw_malloc_cache_is_active() == 1)
        #expect(gw_malloc_cache_limit() == 256 * 1024)
        #expect(gw_malloc_cache_largest_request() == 2056)
        // (Measured with nothing allocated in between; expected once the thread is joined.)
        let (chunk, kept, keptAgain, same) = try onThreadOfItsOwn {
            let before = gw_malloc_cache_bytes()
            let block = malloc(100)
            // (glibc's chunk: usually 112 bytes, 8 of them its header; it may hand out a larger one than asked.)
            let chunk = gw_malloc_usable_size(block) + 8
            free(block)
            let kept = gw_malloc_cache_bytes() - before
            // (Asked for the block's own size: the cache files a block by its chunk, and glibc hands out a chunk
            // larger than a request needs when what is left of a free one is too small to split off — a chunk of
            // 128 for 100 bytes, which a second request of 100, whose class is 112, does not take.)
            let again = malloc(chunk - 8)
            let keptAgain = gw_malloc_cache_bytes() - before
            free(again)
            return (chunk, kept, keptAgain, again == block)
        }
        #expect(chunk >= 112)
        #expect(kept == chunk)
        #expect(keptAgain == 0)
        #expect(same)
    }

    @Test("Every request up to past the largest kept gets a block at least that large, its bytes its own")
    func everyRequestSize() {
        let largest = gw_malloc_cache_largest_request()
        for round in 0..<2 {  // the second time from the blocks the first one freed
            var blocks: [(UnsafeMutablePointer<UInt8>, Int)] = []
            for size in 0...(largest + 64) {
                let block = malloc(size)!.assumingMemoryBound(to: UInt8.self)
                #expect(gw_malloc_usable_size(block) >= size, "\(size) bytes, round \(round)")
                block.initialize(repeating: UInt8(truncatingIfNeeded: size), count: size)
                blocks.append((block, size))
            }
            for (block, size) in blocks {
                #expect(
                    (0..<size).allSatisfy { block[$0] == UInt8(truncatingIfNeeded: size) }, "\(size) bytes overwritten")
            }
            for (block, _) in blocks.shuffled() { free(block) }
            #expect(gw_malloc_cache_bytes() <= gw_malloc_cache_limit())
        }
    }

    @Test("A freed block serves the next request of its size class, and only of its class")
    func reuseBySizeClass() throws {
        let (smaller, larger, kept, chunk) = try onThreadOfItsOwn {
            // A class holds the chunks of one size: a block of `usable` bytes (40 for a 48-byte chunk, glibc's for 40
            // bytes asked, or more when glibc hands out a larger one) serves requests from `usable - 15` to `usable`;
            // one byte more, the next class's.
            let before = gw_malloc_cache_bytes()
            let block = malloc(40)
            let usable = gw_malloc_usable_size(block)
            free(block)
            let smaller = malloc(usable - 15)
            free(smaller)
            let larger = malloc(usable + 1)
            let largerChunk = gw_malloc_usable_size(larger) + 8
            free(larger)
            let kept = gw_malloc_cache_bytes() - before
            return (smaller == block, larger != block, kept, usable + 8 + largerChunk)
        }
        #expect(smaller)
        #expect(larger)
        #expect(kept == chunk)
    }

    @Test("A thread keeps no more than the limit, and gives its blocks back to glibc when it ends")
    func threadLimitAndFlush() throws {
        let flushedBefore = gw_malloc_cache_threads_flushed()
        let (kept, largestChunk) = try onThreadOfItsOwn {
            // 600 blocks of 1,000 bytes (chunks of 1,008 bytes or more): more than a quarter of a megabyte.
            let blocks = (0..<600).map { _ in malloc(1_000)! }
            let largestChunk = blocks.map { gw_malloc_usable_size($0) + 8 }.max()!
            for block in blocks { free(block) }
            return (gw_malloc_cache_bytes(), largestChunk)
        }
        #expect(kept <= gw_malloc_cache_limit())
        #expect(kept > gw_malloc_cache_limit() - largestChunk, "full: no block of these fits in what is left")
        // Joined: the thread's key destructors have run. (Other tests' threads may end meanwhile too.)
        #expect(gw_malloc_cache_threads_flushed() > flushedBefore)
    }

    @Test("Blocks one thread allocated, another frees and keeps, and hands out again to its own requests")
    func acrossThreads() throws {
        // (143 blocks of 1 to 995 bytes: some 75 KB, which a thread keeps whole.)
        let sizes = Array(stride(from: 1, to: 1_000, by: 7))
        // One thread fills a block of each size with 0xA1 and ends without freeing them.
        let allocated = try onThreadOfItsOwn {
            sizes.map { size in
                let block = malloc(size)!.assumingMemoryBound(to: UInt8.self)
                block.initialize(repeating: 0xA1, count: size)
                return Int(bitPattern: block)
            }
        }
        // Another finds their bytes as written, frees them into its own cache, and asks again for each one's size as
        // glibc made it (its class: glibc may make a block larger than asked): those requests are served by the
        // blocks it keeps, the last freed of each class first (and its cache is back where it stood). It fills them
        // with 0xB2, for a third thread to find and free.
        let (intact, chunkBytes, keptBytes, reusedBytes, again) = try onThreadOfItsOwn {
            let intact = zip(allocated, sizes).allSatisfy { holds($0, size: $1, every: 0xA1) }
            let usable = allocated.map { gw_malloc_usable_size(UnsafeMutableRawPointer(bitPattern: $0)) }
            let chunkBytes = usable.reduce(0) { $0 + $1 + 8 }
            let before = gw_malloc_cache_bytes()
            for address in allocated { free(UnsafeMutableRawPointer(bitPattern: address)) }
            let keptBytes = gw_malloc_cache_bytes() - before
            let again = usable.map { size in
                let block = malloc(size)!.assumingMemoryBound(to: UInt8.self)
                block.initialize(repeating: 0xB2, count: size)
                return Int(bitPattern: block)
            }
            return (intact, chunkBytes, keptBytes, gw_malloc_cache_bytes() - before, again)
        }
        #expect(intact)
        #expect(keptBytes == chunkBytes, "every block freed was kept")
        #expect(reusedBytes == 0, "the second thread's requests took back the blocks it kept")
        #expect(Set(again) == Set(allocated), "each block handed out again by the thread that freed it")
        let stillIntact = try onThreadOfItsOwn {
            zip(again, sizes).allSatisfy { address, size in
                defer { free(UnsafeMutableRawPointer(bitPattern: address)) }
                return holds(address, size: size, every: 0xB2)
            }
        }
        #expect(stillIntact)
    }

    @Test("Blocks allocated by many tasks at once, and freed by other tasks, keep their bytes")
    func underLoad() async {
        // Eight tasks fill blocks with their own byte, keep half of them, and free the rest; eight more check each
        // kept block's every byte and free it, on whichever threads they run.
        let handed = await withTaskGroup(of: [(address: Int, size: Int)].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var kept: [(address: Int, size: Int)] = []
                    for size in stride(from: 1, to: 3_000, by: 7) {
                        let block = malloc(size)!.assumingMemoryBound(to: UInt8.self)
                        block.initialize(repeating: UInt8(task), count: size)
                        if size % 2 == 0 { kept.append((Int(bitPattern: block), size)) } else { free(block) }
                    }
                    return kept
                }
            }
            var all: [[(address: Int, size: Int)]] = []
            for await kept in group { all.append(kept) }
            return all
        }
        await withTaskGroup(of: Bool.self) { group in
            for blocks in handed {
                group.addTask {
                    blocks.allSatisfy { address, size in
                        let block = UnsafeMutablePointer<UInt8>(bitPattern: address)!
                        defer { free(block) }
                        return block[0] < 8 && holds(address, size: size, every: block[0])
                    }
                }
            }
            for await intact in group { #expect(intact) }
        }
    }

    @Test("A block freed twice stops the process with the reason, as glibc's own cache does")
    func doubleFree() async {
        await #expect(processExitsWith: .signal(SIGABRT), observing: [\.standardErrorContent]) {
            let block = malloc(64)
            free(block)
            free(block)
        }.map { result in
            #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("free(): double free"))
        }
    }

    @Test("A freed block written to stops the process when the cache would follow it")
    func writeAfterFree() async {
        await #expect(processExitsWith: .signal(SIGABRT), observing: [\.standardErrorContent]) {
            // 200 bytes: a class no other code of this process uses between the free and the malloc; asked for again
            // by the block's own size, the class it is filed in (glibc may hand out a larger chunk than 200 need).
            let block = malloc(200)!.assumingMemoryBound(to: UInt64.self)
            let usable = gw_malloc_usable_size(block)
            free(block)
            // Over the link to the next kept block, which is stored XORed with its own address shifted by 12
            // (glibc's safe-linking): what reads back as 0x4141…41, where no block can start.
            block[0] = UInt64(UInt(bitPattern: block) >> 12) ^ 0x4141_4141_4141_4141
            _ = malloc(usable)
        }.map { result in
            #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("written to after free"))
        }
    }
}

/// Whether each of the `size` bytes of the block at `address` is `byte`.
private func holds(_ address: Int, size: Int, every byte: UInt8) -> Bool {
    let block = UnsafeMutablePointer<UInt8>(bitPattern: address)!
    return (0..<size).allSatisfy { block[$0] == byte }
}

/// Runs `body` on a new thread, whose cache starts empty, and returns its result once that thread has ended.
private func onThreadOfItsOwn<Result>(_ body: @escaping () -> Result) throws -> Result {
    var thread = pthread_t()
    let work = Unmanaged.passRetained(ThreadWork(body))
    defer { work.release() }
    let made = pthread_create(
        &thread, nil,
        { work in
            (Unmanaged<AnyObject>.fromOpaque(work!).takeUnretainedValue() as! any RunnableWork).run()
            return nil
        }, work.toOpaque())
    try #require(made == 0)
    try #require(pthread_join(thread, nil) == 0)
    return try #require(work.takeUnretainedValue().result)
}

private protocol RunnableWork: AnyObject { func run() }

private final class ThreadWork<Result>: RunnableWork {
    let body: () -> Result
    var result: Result?
    init(_ body: @escaping () -> Result) { self.body = body }
    func run() { result = body() }
}
#endif
