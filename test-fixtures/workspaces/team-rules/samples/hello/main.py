import asyncio


async def main() -> None:
    print("hello", 1)


if __name__ == '__main__':
    asyncio.run(main())
