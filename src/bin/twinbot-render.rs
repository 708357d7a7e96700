//! `twinbot-render`: the picture renderer twinbot runs for each picture (/timeline, /map,
//! `twinbot render`). It reads an SVG document on standard input and writes the PNG on standard
//! output. It is installed beside `twinbot`; it is not meant to be run by hand.

fn main() -> std::process::ExitCode {
    twinbot::pictures::raster::serve_stdio()
}
