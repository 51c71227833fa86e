import BinaUsahaApp

@main
enum Entrypoint {
    static func main() async {
        await BinaUsahaMain.run()
    }
}
