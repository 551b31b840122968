// Arrays of tens of megabytes (a million parcels' coordinates, boxes and index) in transparent
// huge pages. Filling a fresh array of 4 KiB pages takes a page fault per page: for the
// million-parcel county that was a sixth of loading its layers. Blocks of 2 MiB or more are
// aligned to 2 MiB and marked MADV_HUGEPAGE (Debian's kernels map huge pages where asked), so
// the kernel maps them 2 MiB at a time; smaller blocks come from the standard allocator.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

namespace planlines::layers {

template <typename T> struct HugePageAllocator
{
    using value_type = T;
    static constexpr std::size_t kHuge = std::size_t{2} << 20;

    HugePageAllocator() noexcept = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U> &) noexcept {}

    T *allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHuge)
            return std::allocator<T>().allocate(n);
        const std::size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
        void *p = std::aligned_alloc(kHuge, rounded);
        if (!p)
            throw std::bad_alloc();
        ::madvise(p, rounded, MADV_HUGEPAGE); // advice: without it, ordinary pages
        return static_cast<T *>(p);
    }
    void deallocate(T *p, std::size_t n) noexcept
    {
        if (n * sizeof(T) < kHuge)
            std::allocator<T>().deallocate(p, n);
        else
            std::free(p);
    }
    template <typename U> bool operator==(const HugePageAllocator<U> &) const noexcept
    {
        return true;
    }
};

template <typename T> using HugeVector = std::vector<T, HugePageAllocator<T>>;

} // namespace planlines::layers
