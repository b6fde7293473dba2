fn main() {
    ntm_web::start();
}
