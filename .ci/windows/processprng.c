/*
 * bcryptprimitives.dll stand-in for testing under wine only (never shipped).
 *
 * Every Go >= 1.22 Windows program imports ProcessPrng from bcryptprimitives.dll
 * for its random numbers. Wine 8.0 (Debian 12) lacks that export, so Go programs
 * die at start-up. This DLL provides ProcessPrng by asking advapi32's
 * SystemFunction036 (RtlGenRandom) for the bytes, in chunks that fit its ULONG
 * length. Like the real function it always succeeds (returns TRUE) unless the
 * system generator fails.
 *
 * Build: x86_64-w64-mingw32-gcc -O2 -shared -o bcryptprimitives.dll processprng.c -ladvapi32
 *        (i686-w64-mingw32-gcc with -Wl,--kill-at for the 32-bit one)
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	const ULONG chunk = 0x40000000;

	while (length > 0) {
		ULONG n = length > chunk ? chunk : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
