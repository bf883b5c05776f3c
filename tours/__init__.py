"""Virtual tours: scenes, hotspots and guided stops, and the tiler (``tours.tiler``) that
turns an uploaded 360° panorama into the cube tiles Pannellum's multires viewer loads."""
